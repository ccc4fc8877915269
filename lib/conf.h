/* conf.h: the configuration file (HDF syntax), read once at start */
#ifndef ZSOG_CONF_H
#define ZSOG_CONF_H

#include <ClearSilver.h>

/* Loads path (and the secrets file it names in Secrets.File, if any). */
int conf_load(const char *path);
const char *conf_get(const char *name, const char *def);
int conf_int(const char *name, int def);
HDF *conf_hdf(void);
void conf_free(void);

#endif
