<?cs # ebt/hour-picker.cs: the free hours of one day as radio buttons (no JavaScript), where no calendar leads: the booking without an account and the change of hour. C decides (booking_pick_hours): h.pick 1 is offered, a full hour is shown as full, closed hours are not there ?>
<?cs def:hour_picker(hours, node) ?>
<div class="field pick<?cs if:node.Error ?> invalid<?cs /if ?>" id="hours">
 <?cs if:subcount(hours) == 0 ?><p id="pick-empty"><?cs var:L.ebt.cal.empty ?></p><?cs else ?>
 <ul class="hours" id="pick"<?cs if:node.Error ?> aria-invalid="true" aria-describedby="e-hour"<?cs /if ?>>
 <?cs each:h = hours ?><?cs if:h.pick == "1" ?><li class="hour free"><label><input type="radio" name="hour" value="<?cs var:h.h ?>" data-hour="<?cs var:h.h ?>"<?cs if:node == h.h ?> checked<?cs /if ?>> <span class="h"><?cs var:h.h ?>:00</span> <span class="n"><?cs var:h.f ?>/<?cs var:h.c ?> <?cs var:plural(h.f, "ebt.cal.free") ?></span></label></li>
 <?cs elif:h.s == "full" ?><li class="hour full" data-full="<?cs var:h.h ?>"><span class="h"><?cs var:h.h ?>:00</span> <span class="n"><?cs var:L.ebt.cal.full ?></span></li>
 <?cs else ?><li class="hour off" data-held="<?cs var:h.h ?>"><span class="h"><?cs var:h.h ?>:00</span> <span class="n"><?cs var:L.ebt.pick.held ?></span></li>
 <?cs /if ?><?cs /each ?></ul>
 <?cs /if ?>
 <?cs call:field_error("hour", node) ?>
 <p class="note"><?cs var:L.ebt.cal.local ?></p>
</div>
<?cs /def ?>
