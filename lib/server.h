/* server.h: the process model: a master holds the FastCGI socket, forks
 * workers, respawns those that die and stops them cleanly on SIGTERM */
#ifndef ZSOG_SERVER_H
#define ZSOG_SERVER_H

#include "route.h"

/* Usage: prog -c CONFIG [-s SOCKET] [-w WORKERS]. Returns the exit code. */
int server_main(int argc, char **argv, const struct service *svc);

#endif
