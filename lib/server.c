/* server.c: the process model: a master holds the FastCGI socket, forks
 * workers, respawns those that die and stops them cleanly on SIGTERM */
#include "server.h"

#include <errno.h>
#include <getopt.h>
#include <mysql.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

#include "conf.h"
#include "db.h"
#include "log.h"
#include "metrics.h"
#include "password.h"
#include "resp.h"
#include "epoch.h"
#include "session.h"
#include "view.h"

#define MAX_WORKERS 64

static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static int status_of(enum req_error e)
{
	switch (e) {
	case REQERR_TOO_LARGE:
		return 413;
	case REQERR_MEDIA:
		return 415;
	default:
		return 400;
	}
}

static const char *key_of(enum req_error e)
{
	switch (e) {
	case REQERR_ENCODING:
		return "encoding";
	case REQERR_UTF8:
		return "utf8";
	case REQERR_FIELDS:
		return "too_many_fields";
	case REQERR_TOO_LARGE:
		return "too_large";
	case REQERR_MEDIA:
		return "media_type";
	default:
		return "malformed";
	}
}

static void serve(const struct service *svc, FCGX_Request *fr)
{
	const char *rid;
	struct req r;
	enum req_error e;
	double t0 = now_mono();

	memset(&r, 0, sizeof(r));
	r.fcgi = fr;
	r.svc = svc;
	r.method = "GET";
	r.lang = "pl";
	/* nginx's $request_id ties its access log to ours. */
	rid = FCGX_GetParam("REQUEST_ID", fr->envp);
	if (rid && strlen(rid) == 32)
		snprintf(r.id, sizeof(r.id), "%.16s", rid);
	else
		rand_hex(r.id, 8);
	log_set_request(r.id);
	if (hdf_init(&r.hdf)) {
		log_err("out of memory");
		return;
	}
	e = req_parse(&r, (size_t)conf_int(svc->max_body_key ? svc->max_body_key
							     : "Limits.MaxBody",
					   1048576));
	r.lang = view_pick_lang(&r);
	hdf_set_value(r.hdf, "Page.Lang", r.lang);
	hdf_set_value(r.hdf, "Page.OtherLang",
		      strcmp(r.lang, "pl") == 0 ? "en" : "pl");
	hdf_set_value(r.hdf, "Page.Path", r.path ? r.path : "/");
	hdf_set_value(r.hdf, "Page.RequestId", r.id);
	if (conf_int("Dev.Outbox", 0))
		hdf_set_value(r.hdf, "Page.Dev", "1");
	route_look(&r);
	if (!r.path)
		r.path = "/";
	if (e)
		resp_error(&r, status_of(e), key_of(e));
	else
		route_dispatch(&r);
	if (!r.sent) {
		static const char msg[] = "Internal error\n";

		log_err("no response from %s %s", r.method, r.path);
		resp_send(&r, 500, "text/plain; charset=utf-8", msg,
			  sizeof(msg) - 1);
	}
	/* A handler that failed mid-transaction must not leave it open for
	 * the next request. */
	db_rollback();
	if (r.status >= 500)
		log_err("%d %s %s", r.status, r.method, r.path);
	metrics_request(r.status, now_mono() - t0);
	hdf_destroy(&r.hdf);
	buf_free(&r.headers);
	arena_reset(&r.arena);
	log_set_request(NULL);
}

/* A child's signals. SIGTERM sets `stopping` and is held back (term) while
 * a request or a tick is in hand, which then finishes; Ctrl-C reaches the
 * whole process group, and only the master acts on it. */
static void child_signals(sigset_t *term)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigemptyset(term);
	sigaddset(term, SIGTERM);
	signal(SIGINT, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGCHLD, SIG_DFL);
}

/* libfcgi ends each connection gracefully: shutdown(), then read and
 * drop what nginx still sends until it closes its end, then close() — the
 * worker sleeps and is woken once more per request, after its answer is
 * out. The draining matters when nginx may still be writing (a body the
 * handler did not read: nginx would get EPIPE and answer 502) and over TCP
 * (a reset can lose the answer's tail). A request without a body over a
 * Unix socket has neither: nginx wrote it whole before the worker could
 * answer, and what the worker wrote is read in full however it closes. So
 * such a request's connection is closed at once (a "detached" request:
 * libfcgi 2.4's OS_IpcClose skips its shutdown and poll). */
static int unix_socket(int sock)
{
	struct sockaddr_storage sa;
	socklen_t len = sizeof(sa);

	return getsockname(sock, (struct sockaddr *)&sa, &len) == 0 &&
	       sa.ss_family == AF_UNIX;
}

static int without_body(FCGX_Request *fr)
{
	const char *m = FCGX_GetParam("REQUEST_METHOD", fr->envp);
	const char *n = FCGX_GetParam("CONTENT_LENGTH", fr->envp);

	return m && (!strcmp(m, "GET") || !strcmp(m, "HEAD")) &&
	       (!n || !*n || !strcmp(n, "0"));
}

static void worker(const struct service *svc, int sock, int index)
{
	sigset_t term;
	FCGX_Request fr;
	int unix_sock = unix_socket(sock);

	child_signals(&term);

	if (view_init(svc->templates) < 0) {
		log_err("templates failed to load; worker exits");
		_exit(3);
	}
	db_set_slot(index % DB_SLOTS);
	if (db_open(svc->name) < 0)
		log_warn("database not reachable yet; will retry per request");
	if (svc->worker_init && svc->worker_init() < 0) {
		log_err("service init failed");
		_exit(3);
	}
	if (FCGX_InitRequest(&fr, sock, FCGI_FAIL_ACCEPT_ON_INTR) != 0)
		_exit(3);
	while (!stopping) {
		if (FCGX_Accept_r(&fr) < 0) {
			if (stopping || errno == EINTR)
				continue;
			log_err("accept failed: %s", strerror(errno));
			break;
		}
		/* Held back while a request is in hand: a SIGTERM arriving
		 * mid-request would cut its body read or its answer short
		 * (EINTR, which libfcgi does not retry); it is taken as soon
		 * as the answer is out. */
		sigprocmask(SIG_BLOCK, &term, NULL);
		serve(svc, &fr);
		fr.detached = unix_sock && without_body(&fr);
		FCGX_Finish_r(&fr);
		sigprocmask(SIG_UNBLOCK, &term, NULL);
	}
	FCGX_Free(&fr, 1);
	view_free();
	db_close();
	conf_free();
	mysql_library_end();
#if defined(__SANITIZE_ADDRESS__)
	/* _exit() skips LeakSanitizer's atexit check: a worker's leaks
	 * would go unreported in the sanitizer build. */
	__lsan_do_leak_check();
#endif
	_exit(0);
}

/* The background process: svc->tick every svc->tick_seconds until
 * SIGTERM, which waits for a tick in progress (as for a request). */
static void ticker(const struct service *svc)
{
	sigset_t term;
	char key[96];
	int every;

	child_signals(&term);
	log_set_request("tick");
	/* Rows it writes by slot (the reports' rollups of lone events) are
	 * its own, never a worker's (0..DB_SLOTS-1). */
	db_set_slot(DB_SLOTS);
	if (db_open(svc->name) < 0)
		log_warn("database not reachable yet; will retry each tick");
	snprintf(key, sizeof(key), "Services.%s.TickSeconds", svc->name);
	every = conf_int(key, svc->tick_seconds > 0 ? svc->tick_seconds : 60);
	if (every < 1)
		every = 1;
	while (!stopping) {
		double next = now_mono() + every;

		sigprocmask(SIG_BLOCK, &term, NULL);
		metrics_tick(svc->tick() != 0);
		db_rollback();
		sigprocmask(SIG_UNBLOCK, &term, NULL);
		while (!stopping && now_mono() < next)
			usleep(100000);
	}
	db_close();
	conf_free();
	mysql_library_end();
	_exit(0);
}

static pid_t spawn_ticker(const struct service *svc)
{
	pid_t pid = fork();

	if (pid == 0)
		ticker(svc);
	if (pid < 0)
		log_err("fork: %s", strerror(errno));
	return pid;
}

/* Worker index is its place in the master's table: a respawned worker
 * takes the place, and the database slot, of the one that ended. */
static pid_t spawn(const struct service *svc, int sock, int index)
{
	pid_t pid = fork();

	if (pid == 0)
		worker(svc, sock, index);
	if (pid < 0)
		log_err("fork: %s", strerror(errno));
	return pid;
}

static int count_alive(const pid_t *pids, int n)
{
	int alive = 0;

	for (int i = 0; i < n; i++)
		alive += pids[i] > 0;
	return alive;
}

static void stop_workers(pid_t *pids, int n)
{
	double deadline = now_mono() + conf_int("Server.StopSeconds", 10);
	int status;

	for (int i = 0; i < n; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	while (count_alive(pids, n)) {
		pid_t pid = waitpid(-1, &status, WNOHANG);

		if (pid > 0) {
			for (int i = 0; i < n; i++)
				if (pids[i] == pid)
					pids[i] = 0;
			continue;
		}
		if (pid < 0 && errno == ECHILD)
			break;
		if (now_mono() > deadline) {
			/* A worker stuck in a request past the limit. */
			for (int i = 0; i < n; i++)
				if (pids[i] > 0)
					kill(pids[i], SIGKILL);
			deadline += 5;
		}
		usleep(20000);
	}
}

static const char *default_socket(const char *run, const char *name)
{
	static char path[512];

	snprintf(path, sizeof(path), "%s/%s.sock", run, name);
	return path;
}

int server_main(int argc, char **argv, const struct service *svc)
{
	const char *conf_path = getenv("ZSOG_CONF"), *sock_path = NULL;
	pid_t pids[MAX_WORKERS + 1] = { 0 }; /* + the ticker, last */
	struct sigaction sa;
	char key[96];
	int nworkers = 0, opt, sock, deaths = 0;
	double window = 0;

	while ((opt = getopt(argc, argv, "c:s:w:")) != -1) {
		switch (opt) {
		case 'c':
			conf_path = optarg;
			break;
		case 's':
			sock_path = optarg;
			break;
		case 'w':
			nworkers = atoi(optarg);
			break;
		default:
			fprintf(stderr,
				"usage: %s -c CONFIG [-s SOCKET] [-w N]\n",
				argv[0]);
			return 2;
		}
	}
	log_init(svc->name);
	if (!conf_path || conf_load(conf_path) < 0) {
		log_err("no configuration (use -c or ZSOG_CONF)");
		return 2;
	}
	snprintf(key, sizeof(key), "Services.%s.Socket", svc->name);
	if (!sock_path)
		sock_path = conf_get(key, NULL);
	if (!sock_path)
		sock_path = default_socket(conf_get("Paths.Run", "var/run"),
					   svc->name);
	snprintf(key, sizeof(key), "Services.%s.Workers", svc->name);
	if (nworkers <= 0)
		nworkers = conf_int(key, conf_int("Server.Workers", 4));
	if (nworkers > MAX_WORKERS)
		nworkers = MAX_WORKERS;
	if (!sock_path) {
		log_err("no socket path for %s", svc->name);
		return 2;
	}
	if (sodium_init() < 0 || mysql_library_init(0, NULL, NULL)) {
		log_err("library init failed");
		return 1;
	}
	nerr_init();
	csrf_set_secret(conf_get("Secrets.Csrf", NULL));
	password_init();
	/* A route its session kinds do not cover would answer 500 on every
	 * request: refuse to start, as for a template. */
	if (route_check(svc) < 0) {
		log_err("routes without a session kind to serve them; not starting");
		return 1;
	}
	/* A template that does not parse would make every worker exit at
	 * start and requests wait in the socket's queue: refuse to start. */
	if (view_init(svc->templates) < 0) {
		log_err("templates failed to load; not starting");
		return 1;
	}
	view_free();
	if (FCGX_Init() != 0)
		return 1;
	unlink(sock_path); /* a stale socket of a killed master */
	sock = FCGX_OpenSocket(sock_path, 256);
	if (sock < 0) {
		log_err("cannot listen on %s", sock_path);
		return 1;
	}
	chmod(sock_path, 0660);
	metrics_open(svc->name);
	epoch_open();

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	log_info("listening on %s with %d workers", sock_path, nworkers);

	while (!stopping) {
		int status;
		pid_t pid;

		for (int i = 0; i < nworkers && !stopping; i++)
			if (pids[i] <= 0)
				pids[i] = spawn(svc, sock, i);
		if (svc->tick && pids[nworkers] <= 0 && !stopping)
			pids[nworkers] = spawn_ticker(svc);
		metrics_workers(count_alive(pids, nworkers));
		pid = waitpid(-1, &status, 0);
		if (pid <= 0)
			continue;
		if (svc->tick && pid == pids[nworkers]) {
			pids[nworkers] = 0;
			if (!stopping) {
				log_warn(
					"background process ended; starting another");
				sleep(1); /* one that cannot start: not a tight loop */
			}
			continue;
		}
		for (int i = 0; i < nworkers; i++) {
			if (pids[i] != pid)
				continue;
			pids[i] = 0;
			if (stopping)
				break;
			log_warn("worker %d ended (%s %d); starting another",
				 (int)pid,
				 WIFSIGNALED(status) ? "signal" : "status",
				 WIFSIGNALED(status) ? WTERMSIG(status)
						     : WEXITSTATUS(status));
			/* A worker that cannot start would otherwise be
			 * forked in a tight loop. */
			if (now_mono() - window > 10) {
				window = now_mono();
				deaths = 0;
			}
			if (++deaths > 10)
				sleep(1);
		}
		metrics_workers(count_alive(pids, nworkers));
	}
	log_info("stopping");
	stop_workers(pids, nworkers + (svc->tick ? 1 : 0));
	metrics_workers(0);
	unlink(sock_path);
	conf_free();
	return 0;
}
