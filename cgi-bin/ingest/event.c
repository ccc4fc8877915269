/* event.c: a device document into normalised events; no database, so the
 * fuzzer (tests/fuzz/fuzz-events.c) drives exactly this code */
#include "ingest.h"
#include "watch.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "valid.h"
#include "xmlsafe.h"

#define NS "urn:zsog:lane:1"

static const char *const kind_elem[EV__MAX] = {
	"plate",     /* EV_PLATE */
	"container", /* EV_CONTAINER */
	"wagon",     /* EV_WAGON */
	"weight",    /* EV_WEIGHT */
	"radiation", /* EV_RADIATION */
	"document",  /* EV_DOCUMENT */
	"laneState", /* EV_LANE */
	"heartbeat", /* EV_HEARTBEAT */
};

/* The names stored in event.kind. */
static const char *const kind_db[EV__MAX] = {
	"plate",     "container", "wagon", "weight",
	"radiation", "document",  "lane",  "heartbeat",
};

const char *ev_kind_name(enum ev_kind k)
{
	return k < EV__MAX ? kind_db[k] : "";
}

static int is_ours(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	       strcmp((const char *)n->ns->href, NS) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

size_t ev_norm_id(const char *in, char *out, size_t outsz)
{
	size_t n = 0;

	if (outsz)
		out[0] = '\0';
	if (!in || !outsz)
		return 0;
	for (; *in; in++) {
		unsigned char c = (unsigned char)*in;

		if (c == ' ' || c == '-' || c == '.')
			continue;
		if (!isascii(c) || !isalnum(c) || n + 1 >= outsz) {
			out[0] = '\0';
			return 0;
		}
		out[n++] = (char)toupper(c);
	}
	out[n] = '\0';
	return n;
}

size_t ev_person_key(const char *name, const char *birth, char *out,
		     size_t outsz)
{
	size_t n = 0;
	int space = 0;

	if (outsz)
		out[0] = '\0';
	if (!name || !birth || !valid_date(birth, NULL, NULL, NULL) ||
	    outsz < 16)
		return 0;
	/* Case, runs of spaces, dashes and apostrophes do not tell people
	 * apart; letters outside ASCII are kept as they are. */
	for (; *name; name++) {
		unsigned char c = (unsigned char)*name;

		if (c < 0x80 && !isalnum(c)) {
			space = n > 0;
			continue;
		}
		if (n + 2 + 11 >= outsz)
			return out[0] = '\0', 0;
		if (space)
			out[n++] = ' ';
		space = 0;
		out[n++] = c < 0x80 ? (char)toupper(c) : (char)c;
	}
	if (!n)
		return 0;
	n += (size_t)snprintf(out + n, outsz - n, "|%s", birth);
	return n;
}

/* "2026-11-23T10:15:02.250Z" into unix ms and SQL text; -1 if not that. */
static int parse_time(const char *s, long long *ms, char sql[32])
{
	int y, mo, d, h, mi, sec, frac = 0, nd = 0, end = 0;
	char tail[8] = "";
	struct tm tm;
	time_t t;

	if (!s ||
	    sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec,
		   &end) != 6 ||
	    end != 19)
		return -1;
	s += end;
	if (*s == '.') {
		for (s++; isdigit((unsigned char)*s) && nd < 3; s++, nd++)
			frac = frac * 10 + (*s - '0');
		if (nd == 0)
			return -1;
		for (int i = nd; i < 3; i++)
			frac *= 10;
	}
	snprintf(tail, sizeof(tail), "%s", s);
	if (strcmp(tail, "Z") != 0 || y < 1970 || y > 2200 || mo < 1 ||
	    mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	t = timegm(&tm);
	if (t == (time_t)-1 || tm.tm_mday != d) /* 31 February */
		return -1;
	*ms = (long long)t * 1000 + frac;
	snprintf(sql, 32, "%04d-%02d-%02d %02d:%02d:%02d.%03d", y, mo, d, h, mi,
		 sec, frac);
	return 0;
}

static xmlNodePtr first_element(xmlNodePtr n)
{
	for (n = n ? n->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/* An identifier read: its key, fold and check-digit verdict. */
static void read_id(struct event *e, int (*check)(const char *))
{
	if (!ev_norm_id(e->raw, e->key, sizeof(e->key))) {
		e->reject = "number_invalid";
		return;
	}
	watch_fold_key(e->key, e->fold, sizeof(e->fold));
	if (check && !check(e->key))
		e->doubtful = 1;
}

static int parse_body(struct arena *a, xmlNodePtr k, struct event *e)
{
	int i;

	for (i = 0; i < EV__MAX; i++)
		if (is_ours(k, kind_elem[i]))
			break;
	if (i == EV__MAX)
		return -1;
	e->kind = (enum ev_kind)i;
	e->confidence = xmlsafe_attr(a, k, "confidence");
	e->image = xmlsafe_attr(a, k, "image");
	switch (e->kind) {
	case EV_PLATE:
		e->raw = xmlsafe_text(a, k);
		e->country = xmlsafe_attr(a, k, "country");
		e->vin = xmlsafe_attr(a, k, "vin");
		if (!valid_plate_normalise(e->raw, e->key, sizeof(e->key)))
			e->reject = "plate_invalid";
		else
			watch_fold_key(e->key, e->fold, sizeof(e->fold));
		if (e->vin && (strlen(e->vin) != 17 ||
			       !ev_norm_id(e->vin, (char[20]){ 0 }, 20)))
			e->reject = "vin_invalid";
		break;
	case EV_CONTAINER:
		e->raw = xmlsafe_text(a, k);
		read_id(e, valid_container);
		break;
	case EV_WAGON:
		e->raw = xmlsafe_text(a, k);
		read_id(e, valid_uic_wagon);
		break;
	case EV_WEIGHT:
		e->value = xmlsafe_attr(a, k, "kg");
		if (!e->value)
			return -1;
		break;
	case EV_RADIATION: {
		const char *al = xmlsafe_attr(a, k, "alarm");

		e->value = xmlsafe_attr(a, k, "level");
		if (!e->value || !al)
			return -1;
		e->alarm = strcmp(al, "true") == 0 || strcmp(al, "1") == 0;
		break;
	}
	case EV_DOCUMENT:
		e->doc_type = xmlsafe_attr(a, k, "type");
		e->raw = xmlsafe_attr(a, k, "number");
		e->country = xmlsafe_attr(a, k, "nationality");
		e->name = xmlsafe_attr(a, k, "name");
		e->birth = xmlsafe_attr(a, k, "birth");
		if (!e->doc_type || !e->raw || !e->country)
			return -1;
		read_id(e, NULL);
		if (e->birth && !valid_date(e->birth, NULL, NULL, NULL))
			e->reject = "birth_invalid";
		else
			ev_person_key(e->name, e->birth, e->person_key,
				      sizeof(e->person_key));
		break;
	case EV_LANE:
		e->state = xmlsafe_attr(a, k, "state");
		if (!e->state)
			return -1;
		break;
	default:
		break;
	}
	if (e->country && !e->reject && !valid_country(e->country))
		e->reject = "country_invalid";
	return 0;
}

int ev_parse_doc(struct arena *a, xmlDocPtr doc, long long now_ms,
		 long long future_ms, long long past_ms, struct event **out)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), n, first;
	struct event *evs;
	int count = 0, cap;

	if (is_ours(root, "event")) {
		first = root;
		cap = 1;
	} else if (is_ours(root, "events")) {
		first = first_element(root);
		cap = 0;
		for (n = first; n; n = n->next)
			cap += n->type == XML_ELEMENT_NODE;
	} else {
		return -1;
	}
	if (cap < 1 || cap > EV_MAX_BATCH)
		return -1;
	evs = arena_alloc(a, sizeof(*evs) * (size_t)cap);
	if (!evs)
		return -1;
	memset(evs, 0, sizeof(*evs) * (size_t)cap);
	for (n = first; n && count < cap; n = root == first ? NULL : n->next) {
		struct event *e = &evs[count];

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!is_ours(n, "event"))
			return -1;
		e->alarm = -1;
		e->device = xmlsafe_attr(a, n, "device");
		e->seq = xmlsafe_attr(a, n, "seq");
		e->crossing = xmlsafe_attr(a, n, "crossing");
		e->lane = xmlsafe_attr(a, n, "lane");
		e->dir = xmlsafe_attr(a, n, "dir");
		if (!e->device || !e->seq || !e->crossing || !e->lane ||
		    !e->dir ||
		    (strcmp(e->dir, "entry") && strcmp(e->dir, "exit")))
			return -1;
		if (strlen(e->seq) > 36 || strlen(e->lane) > 16 ||
		    strlen(e->crossing) > 8)
			return -1;
		if (parse_time(xmlsafe_attr(a, n, "time"), &e->t_ms, e->t_sql))
			return -1;
		if (parse_body(a, first_element(n), e) < 0)
			return -1;
		if (e->t_ms > now_ms + future_ms)
			e->reject = "time_future";
		else if (e->t_ms < now_ms - past_ms)
			e->reject = "time_past";
		count++;
	}
	*out = evs;
	return count;
}
