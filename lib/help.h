/* help.h: help pages written as Markdown files DIR/<lang>/<topic>.md
 * (pl and en), rendered to HTML once per worker with cmark and searched
 * with words folded for case and Polish diacritics */
#ifndef ZSOG_HELP_H
#define ZSOG_HELP_H

#include <ClearSilver.h>
#include <stddef.h>

/* A topic's name: 1 to 40 of a-z, 0-9 and '-' (the file name and the
 * last segment of its URL). */
#define HELP_TOPIC_MAX 40

/*
 * Reads every Markdown file of DIR/pl and DIR/en, replacing what was loaded.
 * cmark renders them as it does by default since 0.29 (never with
 * CMARK_OPT_UNSAFE): raw HTML becomes a comment and a link or image to
 * javascript:, vbscript:, file: or data: (but images) loses its address,
 * so a help file cannot put a script on an officer's page. A file whose
 * name is no topic name is skipped (logged). 0, or -1 (logged) when a
 * directory cannot be read; what was read is kept.
 */
int help_load(const char *dir);
void help_free(void);
/* 1 when lang ("pl" or "en") has the topic, else 0. */
int help_has(const char *lang, const char *topic);
/* The topic as prefix.{Topic, Title, Html}: Title is the text of its
 * first level-1 heading, Html the whole file rendered. 1, or 0 when lang
 * has no such topic. */
int help_topic_hdf(HDF *hdf, const char *prefix, const char *lang,
		   const char *topic);

/*
 * The topics of lang (but "index") containing every word of q, best
 * first, at most max, as prefix.N.{Topic, Title, Before, Match, After}:
 * the snippet around the first place a word occurs in the text, in plain
 * text (the template escapes it), Match being that word as written
 * there. Words are compared folded (help_fold) and may be part of a
 * longer word ("zglosz" finds "Zgłoszenie"); a word in the title counts
 * ten times one in the text, one at a word's start twice one inside.
 * Words shorter than two letters are ignored. Returns the count, or -1
 * when q has no word to look for.
 */
int help_search_hdf(HDF *hdf, const char *prefix, const char *lang,
		    const char *q, int max);

/*
 * in[0..n) folded into out (n + 1 bytes; folding never lengthens): ASCII
 * letters in lower case, Polish and Latin-1 letters as their base letter
 * ("Łódź" is "lodz"), any other byte as it is. With map (n + 1 entries),
 * map[i] is the offset in in of the character out[i] came from, and
 * map[length] is n. Returns out's length.
 */
size_t help_fold(const char *in, size_t n, char *out, size_t *map);

#endif
