/* log.c: one line per event on stderr, which the stack script sends to var/log */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static char service[32] = "zsog";
static char request_id[40] = "-";

void log_init(const char *name)
{
	snprintf(service, sizeof(service), "%s", name);
	setvbuf(stderr, NULL, _IOLBF, 0);
}

void log_set_request(const char *id)
{
	snprintf(request_id, sizeof(request_id), "%s", id ? id : "-");
}

static void emit(const char *level, const char *fmt, va_list ap)
{
	char line[2048], stamp[32];
	struct timeval tv;
	struct tm tm;
	int n;

	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", &tm);
	n = snprintf(line, sizeof(line), "%s.%03ldZ %s[%d] %s req=%s ", stamp,
		     (long)tv.tv_usec / 1000, service, (int)getpid(), level,
		     request_id);
	if (n < 0 || (size_t)n >= sizeof(line))
		return;
	vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	/* Log lines never carry raw newlines: an attacker-controlled value
	 * must not forge a second entry. */
	for (char *p = line + n; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	fprintf(stderr, "%s\n", line);
}

void log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit("info", fmt, ap);
	va_end(ap);
}

void log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit("warn", fmt, ap);
	va_end(ap);
}

void log_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit("error", fmt, ap);
	va_end(ap);
}
