<?cs # skr/puesc-message.cs: one archived SOAP exchange, both messages shown as escaped text ?>
<?cs include:"macros.cs" ?>
<?cs set:Page.Title = L.puesc.message.title ?>
<?cs def:content() ?>
<h1><?cs var:L.puesc.message.title ?></h1>
<p><a href="/skr/puesc/archive"><?cs var:L.puesc.message.back ?></a></p>
<dl id="message" class="facts">
 <dt><?cs var:L.puesc.archive.at ?></dt><dd><?cs var:local_time(Msg.0.at) ?> <?cs var:L.puesc.message.local ?></dd>
 <dt><?cs var:L.puesc.archive.sender ?></dt><dd><code><?cs var:Msg.0.sender ?></code></dd>
 <dt><?cs var:L.puesc.archive.operation ?></dt><dd><?cs var:Msg.0.operation ?> (SOAP <?cs var:Msg.0.soap_version ?>)</dd>
 <dt><?cs var:L.puesc.archive.outcome ?></dt><dd><code><?cs var:Msg.0.outcome ?></code></dd>
 <dt><?cs var:L.puesc.archive.message_id ?></dt><dd><code><?cs var:Msg.0.message_id ?></code></dd>
 <dt><?cs var:L.puesc.archive.receipt ?></dt><dd><code><?cs var:Msg.0.receipt_no ?></code></dd>
</dl>
<h2><?cs var:L.puesc.message.request ?></h2>
<pre id="request-xml" class="xml"><?cs var:Msg.0.request_xml ?></pre>
<h2><?cs var:L.puesc.message.response ?></h2>
<pre id="response-xml" class="xml"><?cs var:Msg.0.response_xml ?></pre>
<?cs /def ?>
<?cs include:"layout.cs" ?>
