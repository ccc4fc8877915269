/* svgchart.c: bar, stacked bar, line and heat-map charts as SVG text
 * (svgchart.h) */
#include "svgchart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Okabe and Ito's palette, told apart with every common colour blindness;
 * yellow last, it is the faintest on white. */
const char *const svgchart_colours[SVGCHART_COLOURS] = {
	"#0072b2", "#e69f00", "#009e73", "#cc79a7",
	"#56b4e9", "#d55e00", "#000000", "#f0e442",
};

/* The drawing's units: the viewBox is W wide, every text FONT high; a
 * character is taken as CHAR wide to space labels. */
#define W 600
#define FONT 13
#define CHAR 7.5
#define LEFT 70 /* y tick labels and the y title */
#define RIGHT 12
#define TOP 36 /* the title */
#define PLOT_H 200
#define ROW_H 22 /* a heat map's row, a legend's row */

int svgchart_escape(struct buf *out, const char *s)
{
	for (; s && *s; s++) {
		const char *e = NULL;
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&':
			e = "&amp;";
			break;
		case '<':
			e = "&lt;";
			break;
		case '>':
			e = "&gt;";
			break;
		case '"':
			e = "&quot;";
			break;
		case '\'':
			e = "&apos;";
			break;
		default:
			/* XML 1.0 has no place for other control characters:
			 * one would make the whole page's SVG ill-formed. */
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
				continue;
		}
		if (e ? buf_puts(out, e) < 0 : buf_add(out, s, 1) < 0)
			return -1;
	}
	return 0;
}

const char *svgchart_num(char *out, size_t n, double v, int decimals)
{
	snprintf(out, n, "%.*f", decimals, v);
	/* -0.0 prints as "-0": a zero is a zero. */
	if (out[0] == '-' && strspn(out + 1, "0.") == strlen(out + 1))
		memmove(out, out + 1, strlen(out));
	return out;
}

double svgchart_ticks(double max, int want, double *top)
{
	double raw, mag, f, step;

	if (want < 1)
		want = 1;
	if (!(max > 0)) { /* also NaN */
		*top = 1;
		return 1;
	}
	raw = max / want;
	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	step = (f <= 1	   ? 1
		: f <= 2   ? 2
		: f <= 2.5 ? 2.5
		: f <= 5   ? 5
			   : 10) *
	       mag;
	*top = ceil(max / step - 1e-9) * step;
	return step;
}

/* The places a tick label needs: 0 for 5, 1 for 2.5, 2 for 0.25. */
static int step_decimals(double step)
{
	int d;

	for (d = 0; d < 6; d++) {
		double x = step * pow(10, d);

		if (fabs(x - round(x)) < 1e-9 * (x > 1 ? x : 1))
			break;
	}
	return d;
}

static const char *colour(size_t i)
{
	return svgchart_colours[i % SVGCHART_COLOURS];
}

/* Geometry shared by the drawing functions. */
struct frame {
	double x0, x1, y0, y1; /* the plot area */
	double top;	       /* the value at y0 */
	double cw;	       /* a category's width */
	int h;		       /* the whole drawing's height */
};

static double y_of(const struct frame *f, double v)
{
	return f->y1 - (f->y1 - f->y0) * (v / f->top);
}

/* One value's tooltip and data attributes, then closes the element. */
static int value_tail(struct buf *b, const struct svgchart *c, size_t s,
		      size_t j, double v)
{
	char num[64];

	svgchart_num(num, sizeof(num), v, c->decimals);
	buf_printf(b, " data-s=\"%zu\" data-c=\"%zu\" data-v=\"%s\"><title>", s,
		   j, num);
	svgchart_escape(b, c->cat[j]);
	buf_puts(b, " · ");
	svgchart_escape(b, c->series[s].name);
	return buf_printf(b, ": %s</title>", num);
}

static void text(struct buf *b, double x, double y, const char *anchor,
		 const char *extra, const char *s)
{
	buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>", x, y,
		   anchor, extra ? extra : "");
	svgchart_escape(b, s);
	buf_puts(b, "</text>");
}

/* How many categories between two x labels, so that they do not touch. */
static size_t label_every(const struct svgchart *c, const struct frame *f)
{
	size_t longest = 1, j, fit;

	for (j = 0; j < c->ncat; j++) {
		size_t n = strlen(c->cat[j]);

		if (n > longest)
			longest = n;
	}
	fit = (size_t)((f->x1 - f->x0) / (longest * CHAR + 10));
	if (fit < 1)
		fit = 1;
	return (c->ncat + fit - 1) / fit;
}

static void x_labels(struct buf *b, const struct svgchart *c,
		     const struct frame *f)
{
	size_t every = label_every(c, f), j;

	buf_puts(b, "<g class=\"x-labels\">");
	for (j = 0; j < c->ncat; j += every)
		text(b, f->x0 + (j + 0.5) * f->cw, f->y1 + FONT + 4, "middle",
		     NULL, c->cat[j]);
	buf_puts(b, "</g>");
}

static void y_axis(struct buf *b, const struct frame *f, double step)
{
	int d = step_decimals(step);
	char num[64];

	buf_puts(b, "<g class=\"y-axis\">");
	for (double v = 0; v <= f->top + step / 2; v += step) {
		double y = y_of(f, v);

		buf_printf(b,
			   "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" "
			   "y2=\"%.1f\" stroke=\"#ddd\"/>",
			   f->x0, f->x1, y, y);
		svgchart_num(num, sizeof(num), v, d);
		text(b, f->x0 - 6, y + FONT / 3.0, "end", NULL, num);
	}
	buf_printf(b,
		   "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" "
		   "stroke=\"#333\"/></g>",
		   f->x0, f->x1, f->y1, f->y1);
}

static void bars(struct buf *b, const struct svgchart *c, const struct frame *f)
{
	size_t s, j;
	double bw = f->cw * 0.8 /
		    (c->kind == SVGCHART_STACKED ? 1 : c->nseries);

	for (s = 0; s < c->nseries; s++) {
		buf_printf(b, "<g class=\"series\" fill=\"%s\">", colour(s));
		for (j = 0; j < c->ncat; j++) {
			double v = c->series[s].v[j], base = 0, x;

			x = f->x0 + j * f->cw + f->cw * 0.1;
			if (c->kind == SVGCHART_STACKED)
				for (size_t k = 0; k < s; k++)
					base += c->series[k].v[j];
			else
				x += s * bw;
			buf_printf(b,
				   "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
				   "height=\"%.2f\"",
				   x, y_of(f, base + v), bw,
				   y_of(f, base) - y_of(f, base + v));
			value_tail(b, c, s, j, v);
			buf_puts(b, "</rect>");
		}
		buf_puts(b, "</g>");
	}
}

static void lines(struct buf *b, const struct svgchart *c,
		  const struct frame *f)
{
	size_t s, j;

	for (s = 0; s < c->nseries; s++) {
		buf_printf(b,
			   "<g class=\"series\" fill=\"%s\"><polyline "
			   "fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
			   "points=\"",
			   colour(s), colour(s));
		for (j = 0; j < c->ncat; j++)
			buf_printf(b, "%s%.2f,%.2f", j ? " " : "",
				   f->x0 + (j + 0.5) * f->cw,
				   y_of(f, c->series[s].v[j]));
		buf_puts(b, "\"/>");
		for (j = 0; j < c->ncat; j++) {
			buf_printf(b, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"3\"",
				   f->x0 + (j + 0.5) * f->cw,
				   y_of(f, c->series[s].v[j]));
			value_tail(b, c, s, j, c->series[s].v[j]);
			buf_puts(b, "</circle>");
		}
		buf_puts(b, "</g>");
	}
}

/* A heat map's cell is darker the larger its value; a zero is the
 * background, so an empty hour stands out. */
static void heatmap(struct buf *b, const struct svgchart *c,
		    const struct frame *f, double max)
{
	size_t s, j;

	/* the grid's ground: an empty cell is this, a busy one darker */
	buf_printf(b,
		   "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
		   "fill=\"#f2f2f2\"/>",
		   f->x0, f->y0, f->x1 - f->x0, (double)c->nseries * ROW_H);
	for (s = 0; s < c->nseries; s++) {
		double y = f->y0 + s * ROW_H;

		text(b, f->x0 - 6, y + ROW_H / 2.0 + FONT / 3.0, "end", NULL,
		     c->series[s].name);
		buf_printf(b, "<g class=\"series\" fill=\"%s\">", colour(0));
		for (j = 0; j < c->ncat; j++) {
			double v = c->series[s].v[j];

			buf_printf(b,
				   "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
				   "height=\"%d\" fill-opacity=\"%.2f\"",
				   f->x0 + j * f->cw, y, f->cw - 1, ROW_H - 1,
				   max > 0 && v > 0 ? 0.1 + 0.9 * v / max : 0);
			value_tail(b, c, s, j, v);
			buf_puts(b, "</rect>");
		}
		buf_puts(b, "</g>");
	}
}

/* The legend: a swatch and a name per series, wrapped in rows; a heat
 * map's is its scale, from the background to the largest value. Returns
 * the rows' count (what the drawing's height must leave room for) when
 * b is NULL. */
static int legend(struct buf *b, const struct svgchart *c, double y, double max)
{
	double x = LEFT;
	int rows = 1;
	char num[64];

	if (b)
		buf_puts(b, "<g class=\"legend\">");
	if (c->kind == SVGCHART_HEATMAP) {
		if (b) {
			svgchart_num(num, sizeof(num), 0, c->decimals);
			buf_printf(
				b,
				"<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" "
				"height=\"14\" fill=\"%s\" fill-opacity=\"0\" "
				"stroke=\"#999\"/>",
				x, y, colour(0));
			text(b, x + 20, y + 12, "start", NULL, num);
			svgchart_num(num, sizeof(num), max, c->decimals);
			buf_printf(b,
				   "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" "
				   "height=\"14\" fill=\"%s\"/>",
				   x + 80, y, colour(0));
			text(b, x + 100, y + 12, "start", NULL, num);
			buf_puts(b, "</g>");
		}
		return 1;
	}
	for (size_t s = 0; s < c->nseries; s++) {
		double w = 26 + strlen(c->series[s].name) * CHAR;

		if (x + w > W - RIGHT && x > LEFT) {
			x = LEFT;
			y += ROW_H;
			rows++;
		}
		if (b) {
			buf_printf(b,
				   "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" "
				   "height=\"14\" fill=\"%s\"/>",
				   x, y, colour(s));
			text(b, x + 20, y + 12, "start", NULL,
			     c->series[s].name);
		}
		x += w + 12;
	}
	if (b)
		buf_puts(b, "</g>");
	return rows;
}

static double max_of(const struct svgchart *c)
{
	double max = 0;

	for (size_t j = 0; j < c->ncat; j++) {
		double sum = 0;

		for (size_t s = 0; s < c->nseries; s++) {
			double v = c->series[s].v[j];

			if (c->kind == SVGCHART_STACKED)
				sum += v;
			else if (v > max)
				max = v;
		}
		if (sum > max)
			max = sum;
	}
	return max;
}

int svgchart_render(const struct svgchart *c, struct buf *b)
{
	struct frame f;
	struct svgchart empty;
	double max, step = 1;
	int heat = c->kind == SVGCHART_HEATMAP;
	size_t start = b->len;

	/* Nothing to draw still draws the frame, never a malformed SVG. */
	if (!c->ncat || !c->nseries || !c->cat || !c->series) {
		empty = *c;
		empty.ncat = empty.nseries = 0;
		c = &empty;
	}
	max = max_of(c);
	f.x0 = LEFT;
	if (heat) /* the rows' labels: as wide as the longest */
		for (size_t s = 0; s < c->nseries; s++) {
			double w = strlen(c->series[s].name) * CHAR * 0.95 + 12;

			if (w > f.x0 && w < W / 3.0)
				f.x0 = w;
		}
	f.x1 = W - RIGHT;
	f.y0 = TOP;
	f.y1 = TOP + (heat ? (double)c->nseries * ROW_H : PLOT_H);
	f.cw = c->ncat ? (f.x1 - f.x0) / c->ncat : f.x1 - f.x0;
	f.top = max;
	if (!heat)
		step = svgchart_ticks(max, 5, &f.top);
	/* x labels, the x title, then the legend's rows */
	f.h = (int)f.y1 + FONT + 8 + FONT + 12 +
	      (c->nseries ? legend(NULL, c, 0, max) * ROW_H : 0) + 4;

	buf_printf(b,
		   "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
		   "class=\"chart\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
		   "font-family=\"sans-serif\" font-size=\"%d\"",
		   W, f.h, FONT);
	if (c->id) {
		buf_puts(b, " id=\"");
		svgchart_escape(b, c->id);
		buf_puts(b, "\" aria-labelledby=\"");
		svgchart_escape(b, c->id);
		buf_puts(b, "-t\"");
	}
	buf_puts(b, "><title");
	if (c->id) {
		buf_puts(b, " id=\"");
		svgchart_escape(b, c->id);
		buf_puts(b, "-t\"");
	}
	buf_puts(b, ">");
	svgchart_escape(b, c->title);
	buf_puts(b, "</title><desc>");
	svgchart_escape(b, c->desc);
	buf_puts(b, "</desc>");
	text(b, W / 2.0, 20, "middle", " font-weight=\"bold\"", c->title);

	if (!heat) {
		y_axis(b, &f, step);
		if (c->y_title) {
			buf_printf(b,
				   "<text transform=\"translate(14 %.1f) "
				   "rotate(-90)\" text-anchor=\"middle\">",
				   (f.y0 + f.y1) / 2);
			svgchart_escape(b, c->y_title);
			buf_puts(b, "</text>");
		}
	}
	if (c->kind == SVGCHART_LINE)
		lines(b, c, &f);
	else if (heat)
		heatmap(b, c, &f, max);
	else
		bars(b, c, &f);
	x_labels(b, c, &f);
	if (c->x_title)
		text(b, (f.x0 + f.x1) / 2, f.y1 + 2 * FONT + 12, "middle", NULL,
		     c->x_title);
	if (c->nseries)
		legend(b, c, f.y1 + 2 * FONT + 20, max);
	/* An append fails only when memory runs out, and then the last one
	 * fails too in practice: the chart is dropped whole. */
	if (buf_puts(b, "</svg>") < 0) {
		b->len = start;
		return -1;
	}
	return 0;
}
