/* svgchart.h: charts drawn on the server as SVG text (bar, grouped bar,
 * stacked bar, line, heat map), to be embedded in a page beside a table
 * of the same numbers. Knows nothing of what is counted: series of
 * labelled numbers in, SVG out. Every text is XML-escaped here; the SVG
 * has role="img", a <title> and a <desc>, and a viewBox with width 100%
 * so it shrinks to a phone's width. Each drawn value carries
 * data-s (series index), data-c (category index) and data-v (the value as
 * svgchart_num writes it), and a <title> for a pointer's tooltip. */
#ifndef ZSOG_SVGCHART_H
#define ZSOG_SVGCHART_H

#include <stddef.h>

#include "util.h"

enum svgchart_kind {
	SVGCHART_BAR,	  /* one bar per series side by side in a category */
	SVGCHART_STACKED, /* the series stacked in one bar per category */
	SVGCHART_LINE,	  /* one line per series */
	SVGCHART_HEATMAP, /* a row per series, a cell per category */
	SVGCHART__MAX
};

struct svgchart_series {
	const char *name; /* the legend's label (a heat map's row label) */
	const double *v;  /* ncat values, none negative */
};

struct svgchart {
	enum svgchart_kind kind;
	const char *id;	   /* the svg's id attribute (letters, digits, -) */
	const char *title; /* <title>, also drawn on top */
	const char *desc;  /* <desc>: what it shows, for a screen reader */
	const char *x_title, *y_title; /* the axes' titles with their units */
	int decimals;		       /* of every number written */
	size_t ncat;		       /* categories (x axis, columns) */
	const char *const *cat;	       /* their labels */
	size_t nseries;
	const struct svgchart_series *series;
};

/* Appends the chart's SVG to out. 0, or -1 (memory). No categories or no
 * series draw the axes alone. More series than colours reuse them. */
int svgchart_render(const struct svgchart *c, struct buf *out);

/* The axis: a "nice" step (1, 2, 2.5 or 5 times a power of ten) so that
 * about want ticks from 0 reach max; *top is the first multiple of the
 * step at or above max (max 0: step 1, top 1). Returns the step. */
double svgchart_ticks(double max, int want, double *top);

/* v with decimals places into out (size n), as the chart and a table
 * beside it both write it. Returns out. */
const char *svgchart_num(char *out, size_t n, double v, int decimals);

/* Appends s XML-escaped (& < > " ') to out. 0 or -1. */
int svgchart_escape(struct buf *out, const char *s);

/* The palette: colour i of svgchart_colours (colour-blind safe). */
#define SVGCHART_COLOURS 8
extern const char *const svgchart_colours[SVGCHART_COLOURS];

#endif
