/* log.h: one line per event, tagged with service, pid and request id */
#ifndef ZSOG_LOG_H
#define ZSOG_LOG_H

void log_init(const char *service);
/* The id of the request being served, or "-" between requests. */
void log_set_request(const char *id);
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
