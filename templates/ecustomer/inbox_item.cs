<?cs # ecustomer/inbox_item.cs: one item of my inbox (or a company's): the mail as sent, or the XML exchange with its receipt and both messages to download; opening it marked it read ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.inbox.item_title ?>
<?cs def:content() ?>
<?cs with:i = Item.0 ?>
<h1><?cs if:i.kind == "xml" ?><?cs alt:L.inbox.op[i.title] ?><?cs var:i.title ?><?cs /alt ?><?cs else ?><?cs var:i.title ?><?cs /if ?></h1>
<dl class="details">
 <dt><?cs var:L.inbox.kind_label ?></dt><dd id="item-kind"><?cs var:L.inbox.kind[i.kind] ?></dd>
 <dt><?cs var:L.inbox.subject ?></dt><dd id="item-subject"><?cs if:i.company ?><?cs var:i.company ?><?cs else ?><?cs var:L.inbox.me ?><?cs /if ?></dd>
 <dt><?cs var:L.inbox.at ?></dt><dd><?cs var:local_time(i.created_at) ?></dd>
 <?cs if:i.application_id && i.own ?><dt><?cs var:L.inbox.application ?></dt><dd><a href="/ecustomer/applications/<?cs var:i.application_id ?>">#<?cs var:i.application_id ?></a></dd><?cs /if ?>
</dl>
<?cs /with ?>
<?cs if:Mail.0.id ?>
<h2><?cs var:L.inbox.mail ?></h2>
<dl class="details">
 <dt><?cs var:L.inbox.to_addr ?></dt><dd><?cs var:Mail.0.recipient ?></dd>
</dl>
<pre class="mail" id="item-body"><?cs var:Mail.0.body ?></pre>
<?cs /if ?>
<?cs if:Msg.0.id ?>
<h2><?cs var:L.inbox.exchange ?></h2>
<dl class="details">
 <dt><?cs var:L.inbox.operation ?></dt><dd><code><?cs var:Msg.0.operation ?></code></dd>
 <dt><?cs var:L.inbox.outcome ?></dt><dd id="item-outcome"><?cs alt:L.inbox.outcomes[Msg.0.outcome] ?><code><?cs var:Msg.0.outcome ?></code><?cs /alt ?></dd>
 <?cs if:Msg.0.message_id ?><dt><?cs var:L.inbox.message_id ?></dt><dd><code><?cs var:Msg.0.message_id ?></code></dd><?cs /if ?>
 <dt><?cs var:L.inbox.receipt ?></dt><dd id="item-receipt"><?cs if:Msg.0.receipt_no ?><code><?cs var:Msg.0.receipt_no ?></code><?cs else ?><?cs var:L.inbox.no_receipt ?><?cs /if ?></dd>
</dl>
<p>
 <a class="button secondary" id="item-request" href="/ecustomer/inbox/<?cs var:Item.0.id ?>/request"><?cs var:L.inbox.download_request ?></a>
 <a class="button secondary" id="item-response" href="/ecustomer/inbox/<?cs var:Item.0.id ?>/response"><?cs var:L.inbox.download_response ?></a>
</p>
<?cs /if ?>
<p><a href="/ecustomer/inbox"><?cs var:L.inbox.back ?></a></p>
<?cs /def ?>
<?cs include:"layout.cs" ?>
