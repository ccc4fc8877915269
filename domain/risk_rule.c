/* risk_rule.c: the risk-rule language (docs/risk-rules.md): a lexer and a
 * recursive-descent parser that type-checks while it builds a flat node
 * array, and the evaluator over that array with three-valued logic.
 * Nothing here allocates after risk_rule_compile(). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "risk_rule.h"

/* Distinct (field, arguments) a rule may read: the evaluator keeps their
 * values on its stack, so the bound is fixed. */
#define MAX_SLOTS 32

enum tok {
	T_END,
	T_INT,
	T_NUM,
	T_STR,
	T_IDENT,
	T_LP,
	T_RP,
	T_COMMA,
	T_MINUS,
	T_EQ,
	T_NE,
	T_LT,
	T_LE,
	T_GT,
	T_GE,
	T_AND,
	T_OR,
	T_NOT,
	T_IN,
	T_TRUE,
	T_FALSE
};

enum op {
	N_LIT,
	N_FIELD,
	N_NOT,
	N_AND,
	N_OR,
	N_EQ,
	N_NE,
	N_LT,
	N_LE,
	N_GT,
	N_GE,
	N_IN
};

/* A node's children are the chain first, nodes[first].next, ... (-1 ends
 * it): and/or take any number, a comparison two, not one, `in` its left
 * side followed by the listed literals. */
struct node {
	unsigned char op;   /* enum op */
	unsigned char type; /* enum risk_type of its value */
	int first, next;
	int slot;     /* N_FIELD: index in risk_rule.slots */
	int pos, end; /* its text, for error messages */
	long long i;  /* N_LIT: BOOL, INT */
	double d;     /* N_LIT: NUM */
	int s;	      /* N_LIT: STR, offset in pool */
};

struct slot {
	int field;
	int nargs;
	long long args[RISK_RULE_MAX_ARGS];
};

struct risk_rule {
	int root, nslots;
	struct slot slots[MAX_SLOTS];
	struct node *nodes;
	char *pool;
};

struct token {
	enum tok kind;
	int pos, end;
	long long i;
	double d;
	int s; /* T_STR: offset in pool */
};

struct parser {
	const char *text;
	int len, p;
	struct token cur;
	struct risk_rule *r;
	int nnodes, cap;
	int poolused;
	int depth;
	int failed;
	struct risk_error *err;
};

/* Records the first error only: what follows an error is noise. */
static void fail(struct parser *ps, int pos, int end, const char *key)
{
	struct risk_error *e = ps->err;
	int n, i;

	if (ps->failed)
		return;
	ps->failed = 1;
	if (!e)
		return;
	e->pos = pos;
	e->line = 1;
	e->col = 1;
	/* col counts characters, not the bytes of UTF-8 */
	for (i = 0; i < pos && i < ps->len; i++) {
		if (ps->text[i] == '\n') {
			e->line++;
			e->col = 1;
		} else if (((unsigned char)ps->text[i] & 0xC0) != 0x80) {
			e->col++;
		}
	}
	snprintf(e->msg, sizeof(e->msg), "%s", key);
	if (end > ps->len)
		end = ps->len;
	n = end - pos;
	if (n < 0)
		n = 0;
	if (n > (int)sizeof(e->near) - 1) {
		n = sizeof(e->near) - 1;
		/* do not cut a character in two */
		while (n > 0 &&
		       ((unsigned char)ps->text[pos + n] & 0xC0) == 0x80)
			n--;
	}
	for (i = 0; i < n; i++) {
		char c = ps->text[pos + i];
		e->near[i] = (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
	}
	e->near[n] = '\0';
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static const struct {
	const char *word;
	enum tok kind;
} keywords[] = {
	{ "and", T_AND }, { "or", T_OR },     { "not", T_NOT },
	{ "in", T_IN },	  { "true", T_TRUE }, { "false", T_FALSE },
};

static void lex_number(struct parser *ps, struct token *t)
{
	const char *s = ps->text;
	char buf[64];
	int p = ps->p, dec = 0;

	while (p < ps->len && is_digit(s[p]))
		p++;
	if (p + 1 < ps->len && s[p] == '.' && is_digit(s[p + 1])) {
		dec = 1;
		p++;
		while (p < ps->len && is_digit(s[p]))
			p++;
	}
	t->end = p;
	/* 30d, 1.2.3, 12abc: a number glued to more */
	if (p < ps->len && (is_alpha(s[p]) || is_digit(s[p]) || s[p] == '.')) {
		while (p < ps->len &&
		       (is_alpha(s[p]) || is_digit(s[p]) || s[p] == '.'))
			p++;
		fail(ps, t->pos, p, "bad_number");
		return;
	}
	if (p - ps->p >= (int)sizeof(buf)) {
		fail(ps, t->pos, p, "bad_number");
		return;
	}
	memcpy(buf, s + ps->p, p - ps->p);
	buf[p - ps->p] = '\0';
	errno = 0;
	if (dec) {
		t->kind = T_NUM;
		t->d = strtod(buf, NULL);
	} else {
		t->kind = T_INT;
		t->i = strtoll(buf, NULL, 10);
	}
	if (errno == ERANGE)
		fail(ps, t->pos, p, "bad_number");
	ps->p = p;
}

/* 'text', a quote inside written twice: 'O''Neil' */
static void lex_string(struct parser *ps, struct token *t)
{
	const char *s = ps->text;
	int p = ps->p + 1;

	t->kind = T_STR;
	t->s = ps->poolused;
	for (;;) {
		if (p >= ps->len) {
			fail(ps, t->pos, t->pos + 1, "unterminated_string");
			return;
		}
		if (s[p] == '\'') {
			if (p + 1 < ps->len && s[p + 1] == '\'') {
				ps->r->pool[ps->poolused++] = '\'';
				p += 2;
				continue;
			}
			p++;
			break;
		}
		ps->r->pool[ps->poolused++] = s[p++];
	}
	ps->r->pool[ps->poolused++] = '\0';
	t->end = p;
	ps->p = p;
}

/* Reads the next token into ps->cur. */
static void next(struct parser *ps)
{
	const char *s = ps->text;
	struct token *t = &ps->cur;
	int c;

	while (ps->p < ps->len && (s[ps->p] == ' ' || s[ps->p] == '\t' ||
				   s[ps->p] == '\n' || s[ps->p] == '\r'))
		ps->p++;
	memset(t, 0, sizeof(*t));
	t->pos = t->end = ps->p;
	if (ps->failed || ps->p >= ps->len) {
		t->kind = T_END;
		return;
	}
	c = (unsigned char)s[ps->p];
	if (is_digit(c)) {
		lex_number(ps, t);
		return;
	}
	if (c == '\'') {
		lex_string(ps, t);
		return;
	}
	if (is_alpha(c)) {
		int p = ps->p, dot = 0;

		while (p < ps->len &&
		       (is_alpha(s[p]) || is_digit(s[p]) || s[p] == '.')) {
			dot |= s[p] == '.';
			p++;
		}
		t->kind = T_IDENT;
		t->end = ps->p = p;
		if (!dot)
			for (size_t k = 0;
			     k < sizeof(keywords) / sizeof(keywords[0]); k++)
				if ((int)strlen(keywords[k].word) ==
					    p - t->pos &&
				    !strncasecmp(keywords[k].word, s + t->pos,
						 p - t->pos))
					t->kind = keywords[k].kind;
		return;
	}
	ps->p++;
	switch (c) {
	case '(':
		t->kind = T_LP;
		break;
	case ')':
		t->kind = T_RP;
		break;
	case ',':
		t->kind = T_COMMA;
		break;
	case '-':
		t->kind = T_MINUS;
		break;
	case '=':
		t->kind = T_EQ;
		break;
	case '!':
		if (ps->p < ps->len && s[ps->p] == '=') {
			ps->p++;
			t->kind = T_NE;
			break;
		}
		goto bad;
	case '<':
		t->kind = T_LT;
		if (ps->p < ps->len && s[ps->p] == '=') {
			ps->p++;
			t->kind = T_LE;
		} else if (ps->p < ps->len && s[ps->p] == '>') {
			ps->p++;
			t->kind = T_NE;
		}
		break;
	case '>':
		t->kind = T_GT;
		if (ps->p < ps->len && s[ps->p] == '=') {
			ps->p++;
			t->kind = T_GE;
		}
		break;
	default:
	bad:
		/* the whole UTF-8 character, for the message */
		while (ps->p < ps->len &&
		       ((unsigned char)s[ps->p] & 0xC0) == 0x80)
			ps->p++;
		fail(ps, t->pos, ps->p, "bad_char");
		t->kind = T_END;
		return;
	}
	t->end = ps->p;
}

static int new_node(struct parser *ps, enum op op, enum risk_type type, int pos,
		    int end)
{
	struct node *n;

	if (ps->nnodes >= ps->cap) {
		/* cannot happen: at most one node per token, cap = len + 2 */
		fail(ps, pos, end, "too_long");
		return -1;
	}
	n = &ps->r->nodes[ps->nnodes];
	memset(n, 0, sizeof(*n));
	n->op = op;
	n->type = type;
	n->first = n->next = n->slot = -1;
	n->pos = pos;
	n->end = end;
	return ps->nnodes++;
}

#define NODE(ps, k) (&(ps)->r->nodes[k])

static int numeric(int type)
{
	return type == RISK_INT || type == RISK_NUM;
}

/* Whether values of types a and b may be compared with op. */
static int comparable(enum op op, int a, int b)
{
	if (numeric(a) && numeric(b))
		return 1;
	if (op != N_EQ && op != N_NE)
		return 0;
	return a == b;
}

static int need_bool(struct parser *ps, int k)
{
	if (k < 0)
		return -1;
	if (NODE(ps, k)->type != RISK_BOOL) {
		fail(ps, NODE(ps, k)->pos, NODE(ps, k)->end, "not_bool");
		return -1;
	}
	return 0;
}

static int parse_or(struct parser *ps);
static int parse_unary(struct parser *ps);

static int parse_field(struct parser *ps)
{
	const struct token id = ps->cur;
	const struct risk_field_def *def = NULL;
	long long args[RISK_RULE_MAX_ARGS];
	struct risk_rule *r = ps->r;
	int f, nargs = 0, end = id.end, k, sl;

	for (f = 0; f < RF__MAX; f++)
		if ((int)strlen(risk_fields[f].name) == id.end - id.pos &&
		    !strncasecmp(risk_fields[f].name, ps->text + id.pos,
				 id.end - id.pos)) {
			def = &risk_fields[f];
			break;
		}
	if (!def) {
		fail(ps, id.pos, id.end, "unknown_field");
		return -1;
	}
	next(ps);
	if (ps->cur.kind == T_LP) {
		next(ps);
		for (;;) {
			if (ps->cur.kind != T_INT) {
				fail(ps, ps->cur.pos, ps->cur.end,
				     ps->cur.kind == T_NUM ||
						     ps->cur.kind == T_MINUS
					     ? "arg_range"
					     : "syntax");
				return -1;
			}
			if (nargs < RISK_RULE_MAX_ARGS)
				args[nargs] = ps->cur.i;
			if (nargs < def->nargs &&
			    (ps->cur.i < 1 || ps->cur.i > def->arg_max)) {
				fail(ps, ps->cur.pos, ps->cur.end, "arg_range");
				return -1;
			}
			nargs++;
			next(ps);
			if (ps->cur.kind == T_COMMA) {
				next(ps);
				continue;
			}
			if (ps->cur.kind != T_RP) {
				fail(ps, ps->cur.pos, ps->cur.end,
				     "missing_rparen");
				return -1;
			}
			end = ps->cur.end;
			next(ps);
			break;
		}
	}
	if (nargs != def->nargs) {
		fail(ps, id.pos, end, "arg_count");
		return -1;
	}
	for (sl = 0; sl < r->nslots; sl++)
		if (r->slots[sl].field == f && r->slots[sl].nargs == nargs &&
		    !memcmp(r->slots[sl].args, args, nargs * sizeof(args[0])))
			break;
	if (sl == r->nslots) {
		if (r->nslots == MAX_SLOTS) {
			fail(ps, id.pos, end, "too_many_fields");
			return -1;
		}
		r->slots[sl].field = f;
		r->slots[sl].nargs = nargs;
		memcpy(r->slots[sl].args, args, nargs * sizeof(args[0]));
		r->nslots++;
	}
	if ((k = new_node(ps, N_FIELD, def->type, id.pos, end)) < 0)
		return -1;
	NODE(ps, k)->slot = sl;
	return k;
}

static int parse_primary(struct parser *ps)
{
	struct token t = ps->cur;
	int k, neg = 0;

	if (ps->failed)
		return -1;
	switch (t.kind) {
	case T_LP:
		if (++ps->depth > RISK_RULE_MAX_DEPTH) {
			fail(ps, t.pos, t.end, "too_deep");
			return -1;
		}
		next(ps);
		if ((k = parse_or(ps)) < 0)
			return -1;
		if (ps->cur.kind != T_RP) {
			fail(ps, ps->cur.pos, ps->cur.end, "missing_rparen");
			return -1;
		}
		ps->depth--;
		/* the parentheses belong to the text of what they hold */
		NODE(ps, k)->pos = t.pos;
		NODE(ps, k)->end = ps->cur.end;
		next(ps);
		return k;
	case T_IDENT:
		return parse_field(ps);
	case T_MINUS:
		next(ps);
		if (ps->cur.kind != T_INT && ps->cur.kind != T_NUM) {
			fail(ps, ps->cur.pos, ps->cur.end,
			     ps->cur.kind == T_END ? "expected_value"
						   : "syntax");
			return -1;
		}
		neg = 1;
		/* fall through */
	case T_INT:
	case T_NUM:
		t.kind = ps->cur.kind;
		t.end = ps->cur.end;
		if ((k = new_node(ps, N_LIT,
				  t.kind == T_INT ? RISK_INT : RISK_NUM, t.pos,
				  t.end)) < 0)
			return -1;
		NODE(ps, k)->i = neg ? -ps->cur.i : ps->cur.i;
		NODE(ps, k)->d = neg ? -ps->cur.d : ps->cur.d;
		next(ps);
		return k;
	case T_STR:
		if ((k = new_node(ps, N_LIT, RISK_STR, t.pos, t.end)) < 0)
			return -1;
		NODE(ps, k)->s = t.s;
		next(ps);
		return k;
	case T_TRUE:
	case T_FALSE:
		if ((k = new_node(ps, N_LIT, RISK_BOOL, t.pos, t.end)) < 0)
			return -1;
		NODE(ps, k)->i = t.kind == T_TRUE;
		next(ps);
		return k;
	case T_END:
		fail(ps, t.pos, t.end, "expected_value");
		return -1;
	default:
		fail(ps, t.pos, t.end, "syntax");
		return -1;
	}
}

/* not binds tighter than a comparison: `not a = b` is `(not a) = b` */
static int parse_unary(struct parser *ps)
{
	struct token t = ps->cur;
	int a, k;

	if (t.kind != T_NOT)
		return parse_primary(ps);
	if (++ps->depth > RISK_RULE_MAX_DEPTH) {
		fail(ps, t.pos, t.end, "too_deep");
		return -1;
	}
	next(ps);
	if ((a = parse_unary(ps)) < 0 || need_bool(ps, a) < 0)
		return -1;
	ps->depth--;
	if ((k = new_node(ps, N_NOT, RISK_BOOL, t.pos, NODE(ps, a)->end)) < 0)
		return -1;
	NODE(ps, k)->first = a;
	return k;
}

/* `in ('BY', 'RU')` after the left side a, the keyword read */
static int parse_in(struct parser *ps, int a, int negate, int opos)
{
	int k, last, item, ltype = NODE(ps, a)->type;

	if (ps->cur.kind != T_LP) {
		fail(ps, ps->cur.pos, ps->cur.end,
		     ps->cur.kind == T_END ? "expected_value" : "syntax");
		return -1;
	}
	if (ltype == RISK_BOOL) {
		fail(ps, opos, ps->cur.end, "type_mismatch");
		return -1;
	}
	if ((k = new_node(ps, N_IN, RISK_BOOL, NODE(ps, a)->pos, 0)) < 0)
		return -1;
	NODE(ps, k)->first = last = a;
	next(ps);
	for (;;) {
		int t = ps->cur.kind;

		if (t != T_INT && t != T_NUM && t != T_STR && t != T_MINUS) {
			fail(ps, ps->cur.pos, ps->cur.end,
			     t == T_END ? "expected_value" : "syntax");
			return -1;
		}
		if ((item = parse_primary(ps)) < 0)
			return -1;
		if (!comparable(N_EQ, ltype, NODE(ps, item)->type)) {
			fail(ps, NODE(ps, item)->pos, NODE(ps, item)->end,
			     "type_mismatch");
			return -1;
		}
		NODE(ps, last)->next = item;
		last = item;
		if (ps->cur.kind == T_COMMA) {
			next(ps);
			continue;
		}
		if (ps->cur.kind != T_RP) {
			fail(ps, ps->cur.pos, ps->cur.end, "missing_rparen");
			return -1;
		}
		NODE(ps, k)->end = ps->cur.end;
		next(ps);
		break;
	}
	if (!negate)
		return k;
	a = k;
	if ((k = new_node(ps, N_NOT, RISK_BOOL, NODE(ps, a)->pos,
			  NODE(ps, a)->end)) < 0)
		return -1;
	NODE(ps, k)->first = a;
	return k;
}

static int parse_cmp(struct parser *ps)
{
	static const enum op ops[] = {
		[T_EQ] = N_EQ, [T_NE] = N_NE, [T_LT] = N_LT,
		[T_LE] = N_LE, [T_GT] = N_GT, [T_GE] = N_GE,
	};
	struct token t;
	int a, b, k;

	if ((a = parse_unary(ps)) < 0)
		return -1;
	t = ps->cur;
	if (t.kind == T_IN) {
		next(ps);
		return parse_in(ps, a, 0, t.pos);
	}
	if (t.kind == T_NOT) {
		/* `x not in (...)`: anything else after a value is an error */
		struct parser save = *ps;

		next(ps);
		if (ps->cur.kind != T_IN) {
			*ps = save;
			fail(ps, t.pos, t.end, "syntax");
			return -1;
		}
		next(ps);
		return parse_in(ps, a, 1, t.pos);
	}
	if (t.kind < T_EQ || t.kind > T_GE)
		return a;
	next(ps);
	if ((b = parse_unary(ps)) < 0)
		return -1;
	if (!comparable(ops[t.kind], NODE(ps, a)->type, NODE(ps, b)->type)) {
		fail(ps, t.pos, t.end, "type_mismatch");
		return -1;
	}
	if ((k = new_node(ps, ops[t.kind], RISK_BOOL, NODE(ps, a)->pos,
			  NODE(ps, b)->end)) < 0)
		return -1;
	NODE(ps, k)->first = a;
	NODE(ps, a)->next = b;
	return k;
}

/* and/or chains become one node with every operand as a child */
static int parse_chain(struct parser *ps, enum tok sep, enum op op,
		       int (*operand)(struct parser *))
{
	int a, b, k, last;

	if ((a = operand(ps)) < 0)
		return -1;
	if (ps->cur.kind != sep)
		return a;
	if (need_bool(ps, a) < 0)
		return -1;
	if ((k = new_node(ps, op, RISK_BOOL, NODE(ps, a)->pos, 0)) < 0)
		return -1;
	NODE(ps, k)->first = last = a;
	while (ps->cur.kind == sep) {
		next(ps);
		if ((b = operand(ps)) < 0 || need_bool(ps, b) < 0)
			return -1;
		NODE(ps, last)->next = b;
		last = b;
	}
	NODE(ps, k)->end = NODE(ps, last)->end;
	return k;
}

static int parse_and(struct parser *ps)
{
	return parse_chain(ps, T_AND, N_AND, parse_cmp);
}

static int parse_or(struct parser *ps)
{
	return parse_chain(ps, T_OR, N_OR, parse_and);
}

void risk_rule_free(struct risk_rule *r)
{
	if (!r)
		return;
	free(r->nodes);
	free(r->pool);
	free(r);
}

int risk_rule_compile(const char *text, struct risk_rule **out,
		      struct risk_error *err)
{
	struct parser ps = { 0 };
	struct risk_rule *r = NULL;
	struct node *shrunk;
	size_t len = text ? strlen(text) : 0;
	int rc = -1, k;

	*out = NULL;
	if (err)
		memset(err, 0, sizeof(*err));
	ps.text = text ? text : "";
	ps.err = err;
	if (len > RISK_RULE_MAX_LEN) {
		ps.len = len;
		fail(&ps, RISK_RULE_MAX_LEN, RISK_RULE_MAX_LEN, "too_long");
		return -1;
	}
	ps.len = (int)len;
	if (!(r = calloc(1, sizeof(*r))))
		goto nomem;
	ps.r = r;
	ps.cap = ps.len + 2;
	r->nodes = malloc(ps.cap * sizeof(*r->nodes));
	r->pool = malloc(ps.len + 1);
	if (!r->nodes || !r->pool)
		goto nomem;
	next(&ps);
	if (ps.cur.kind == T_END && !ps.failed) {
		fail(&ps, 0, 0, "empty");
		goto out;
	}
	k = parse_or(&ps);
	if (k >= 0 && ps.cur.kind != T_END)
		fail(&ps, ps.cur.pos, ps.cur.end,
		     ps.cur.kind == T_RP ? "unmatched_rparen" : "syntax");
	if (k >= 0 && !ps.failed)
		need_bool(&ps, k);
	if (ps.failed)
		goto out;
	r->root = k;
	/* keep only what was used: a rule lives as long as its worker */
	if ((shrunk = realloc(r->nodes, ps.nnodes * sizeof(*r->nodes))))
		r->nodes = shrunk;
	*out = r;
	r = NULL;
	rc = 0;
	goto out;
nomem:
	fail(&ps, 0, 0, "internal");
out:
	risk_rule_free(r);
	return rc;
}

int risk_rule_uses(const struct risk_rule *r, int field)
{
	for (int i = 0; r && i < r->nslots; i++)
		if (r->slots[i].field == field)
			return 1;
	return 0;
}

/* ---- evaluation ---- */

enum { F = 0, T = 1, U = 2 }; /* false, true, unknown */

struct ectx {
	const struct risk_rule *r;
	const struct risk_facts *f;
	struct risk_value vals[MAX_SLOTS];
	unsigned char got[MAX_SLOTS];
	/* the slots in the order they were read, for `used` */
	unsigned char order[MAX_SLOTS];
	int nread;
};

static int fetch(struct ectx *e, int sl, const struct risk_value **out)
{
	const struct slot *s = &e->r->slots[sl];
	const struct risk_field_def *def = &risk_fields[s->field];
	struct risk_value *v = &e->vals[sl];

	if (!e->got[sl]) {
		memset(v, 0, sizeof(*v));
		v->type = def->type;
		if (e->f && e->f->get &&
		    e->f->get(e->f->ctx, s->field, s->args, s->nargs, v) < 0)
			return -1;
		/* the catalogue decides the type, whatever the provider said */
		v->type = def->type;
		if (v->known && v->type == RISK_STR && !v->s)
			v->s = "";
		e->got[sl] = 1;
		e->order[e->nread++] = (unsigned char)sl;
	}
	*out = v;
	return 0;
}

/* Appends to buf (len so far in *len); a full buffer keeps what fitted. */
static void note(char *buf, size_t sz, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void note(char *buf, size_t sz, size_t *len, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*len + 1 >= sz)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *len, sz - *len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	*len += (size_t)n;
	if (*len >= sz)
		*len = sz - 1;
}

/* The inputs read, in the order read: written only for a rule that
 * matched, since most evaluations do not, and formatting every fact of
 * 50 profiles per event was a fifth of an ingest worker's CPU
 * (docs/performance.md, "Ingestion", 2026-12-03). */
static void describe(const struct ectx *e, char *buf, size_t sz)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int k = 0; k < e->nread; k++) {
		const struct slot *s = &e->r->slots[e->order[k]];
		const struct risk_value *v = &e->vals[e->order[k]];

		note(buf, sz, &len, "%s%s", k ? "; " : "",
		     risk_fields[s->field].name);
		if (s->nargs) {
			note(buf, sz, &len, "(");
			for (int i = 0; i < s->nargs; i++)
				note(buf, sz, &len, "%s%lld", i ? "," : "",
				     s->args[i]);
			note(buf, sz, &len, ")");
		}
		if (!v->known)
			note(buf, sz, &len, "=?");
		else if (v->type == RISK_BOOL)
			note(buf, sz, &len, "=%s", v->i ? "true" : "false");
		else if (v->type == RISK_INT)
			note(buf, sz, &len, "=%lld", v->i);
		else if (v->type == RISK_NUM)
			note(buf, sz, &len, "=%g", v->d);
		else
			note(buf, sz, &len, "=%s", v->s);
	}
}

static int truth(struct ectx *e, int k);

/* The value of node k: its own for literals and fields, its truth as a
 * BOOL for conditions (true = (a > 1) compares truths). */
static int value(struct ectx *e, int k, struct risk_value *out)
{
	const struct node *n = &e->r->nodes[k];
	const struct risk_value *v;
	int t;

	memset(out, 0, sizeof(*out));
	out->type = n->type;
	switch (n->op) {
	case N_LIT:
		out->known = 1;
		out->i = n->i;
		out->d = n->d;
		out->s = n->type == RISK_STR ? e->r->pool + n->s : NULL;
		return 0;
	case N_FIELD:
		if (fetch(e, n->slot, &v) < 0)
			return -1;
		*out = *v;
		return 0;
	default:
		if ((t = truth(e, k)) < 0)
			return -1;
		out->known = t != U;
		out->i = t == T;
		return 0;
	}
}

static double num(const struct risk_value *v)
{
	return v->type == RISK_NUM ? v->d : (double)v->i;
}

/* <0, 0, >0 as a against b; the parser let only comparable types meet */
static int compare(const struct risk_value *a, const struct risk_value *b)
{
	double x, y;

	if (a->type == RISK_STR)
		return strcasecmp(a->s, b->s);
	if (a->type != RISK_NUM && b->type != RISK_NUM)
		return (a->i > b->i) - (a->i < b->i);
	x = num(a);
	y = num(b);
	return (x > y) - (x < y);
}

static int truth(struct ectx *e, int k)
{
	const struct node *n = &e->r->nodes[k];
	struct risk_value a, b;
	int t, res, c;

	switch (n->op) {
	case N_LIT:
	case N_FIELD:
		if (value(e, k, &a) < 0)
			return -1;
		return !a.known ? U : a.i ? T : F;
	case N_NOT:
		if ((t = truth(e, n->first)) < 0)
			return -1;
		return t == U ? U : t == T ? F : T;
	case N_AND:
	case N_OR:
		/* Kleene: false decides an and, true an or, unknown otherwise
		 * taints; stop early so unread facts are not fetched */
		res = n->op == N_AND ? T : F;
		for (int i = n->first; i >= 0; i = e->r->nodes[i].next) {
			if ((t = truth(e, i)) < 0)
				return -1;
			if (t == (n->op == N_AND ? F : T))
				return t;
			if (t == U)
				res = U;
		}
		return res;
	case N_IN:
		if (value(e, n->first, &a) < 0)
			return -1;
		if (!a.known)
			return U;
		for (int i = e->r->nodes[n->first].next; i >= 0;
		     i = e->r->nodes[i].next) {
			if (value(e, i, &b) < 0)
				return -1;
			if (!compare(&a, &b))
				return T;
		}
		return F;
	default:
		if (value(e, n->first, &a) < 0 ||
		    value(e, e->r->nodes[n->first].next, &b) < 0)
			return -1;
		if (!a.known || !b.known)
			return U;
		c = compare(&a, &b);
		switch (n->op) {
		case N_EQ:
			return c == 0 ? T : F;
		case N_NE:
			return c != 0 ? T : F;
		case N_LT:
			return c < 0 ? T : F;
		case N_LE:
			return c <= 0 ? T : F;
		case N_GT:
			return c > 0 ? T : F;
		default:
			return c >= 0 ? T : F;
		}
	}
}

int risk_rule_eval(const struct risk_rule *r, const struct risk_facts *f,
		   char *used, size_t usedsz)
{
	struct ectx e;
	int t;

	e.r = r;
	e.f = f;
	e.nread = 0;
	memset(e.got, 0, sizeof(e.got));
	if (used && usedsz)
		used[0] = '\0';
	if ((t = truth(&e, r->root)) < 0)
		return -1;
	if (t == T && used && usedsz)
		describe(&e, used, usedsz);
	return t == T;
}
