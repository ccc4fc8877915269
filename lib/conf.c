/* conf.c: the configuration file (HDF syntax), read once at start */
#include "conf.h"

#include "log.h"

static HDF *conf;

static int read_into(const char *path)
{
	NEOERR *err = hdf_read_file(conf, path);

	if (err) {
		STRING s;

		string_init(&s);
		nerr_error_string(err, &s);
		log_err("config %s: %s", path, s.buf ? s.buf : "?");
		string_clear(&s);
		nerr_ignore(&err);
		return -1;
	}
	return 0;
}

int conf_load(const char *path)
{
	const char *secrets;
	NEOERR *err;

	if (!conf && (err = hdf_init(&conf))) {
		nerr_ignore(&err);
		return -1;
	}
	if (read_into(path) < 0)
		return -1;
	/* Secrets live in a separate, git-ignored, 0600 file. */
	secrets = hdf_get_value(conf, "Secrets.File", NULL);
	if (secrets && *secrets && read_into(secrets) < 0)
		return -1;
	return 0;
}

const char *conf_get(const char *name, const char *def)
{
	return conf ? hdf_get_value(conf, name, def) : def;
}

int conf_int(const char *name, int def)
{
	return conf ? hdf_get_int_value(conf, name, def) : def;
}

HDF *conf_hdf(void)
{
	return conf;
}

void conf_free(void)
{
	if (conf)
		hdf_destroy(&conf);
}
