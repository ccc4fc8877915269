/* devices_image.c: the pictures the lane devices take, in the image store
 * (Ingest.ImageDir): each device writes under a directory of its own code,
 * DIR/<device code>/<image>, where image is the relative name it sends in
 * an event's image attribute (docs/ingest.md, "Images") */
#include "devices.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf.h"
#include "log.h"

/* The schema lets a device send [A-Za-z0-9._/:-]{1,255}: that alone would
 * let an event name "../../etc/passwd". Here a name is at most four
 * segments of letters, digits, "_", "-" and ".", none empty or starting
 * with a dot (so no "..", no hidden files), ending in .jpg, .jpeg or .png. */
int devices_image_name_ok(const char *name)
{
	static const char ok[] = "abcdefghijklmnopqrstuvwxyz"
				 "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.";
	const char *s = name, *dot;
	size_t n, seg = 0;

	if (!name || !*name || strlen(name) > 200)
		return 0;
	for (;;) {
		n = strspn(s, ok);
		if (n == 0 || s[0] == '.' || ++seg > 4)
			return 0;
		if (s[n] == '\0')
			break;
		if (s[n] != '/')
			return 0;
		s += n + 1;
	}
	dot = strrchr(s, '.');
	return dot && (!strcasecmp(dot, ".jpg") || !strcasecmp(dot, ".jpeg") ||
		       !strcasecmp(dot, ".png"));
}

/* Device codes are registered as capital letters, digits and dashes
 * (ui-devices.c); a code of another shape never names a directory. */
static int code_ok(const char *code)
{
	size_t n = code ? strlen(code) : 0;

	return n >= 1 && n <= 40 &&
	       strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == n &&
	       code[0] != '-';
}

/* The media type by the file's first bytes, never by its name: what the
 * device wrote is what the browser is told. */
static const char *magic(const unsigned char *p, size_t n)
{
	static const unsigned char png[8] = { 0x89, 'P',  'N',	'G',
					      '\r', '\n', 0x1a, '\n' };

	if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return "image/jpeg";
	if (n >= 8 && !memcmp(p, png, 8))
		return "image/png";
	return NULL;
}

int devices_image_read(const char *device, const char *image, struct buf *b,
		       const char **ctype)
{
	const char *dir = conf_get("Ingest.ImageDir", NULL);
	unsigned char head[8];
	char path[1024];
	struct stat st;
	ssize_t got;
	int fd, rc = 0;

	*ctype = NULL;
	if (!dir || !*dir || !code_ok(device) || !devices_image_name_ok(image))
		return 0;
	if (snprintf(path, sizeof(path), "%s/%s/%s", dir, device, image) >=
	    (int)sizeof(path))
		return 0;
	/* O_NOFOLLOW: a link the store should not hold is not followed;
	 * O_NONBLOCK: a FIFO put there never blocks the worker. */
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (errno != ENOENT && errno != ENOTDIR && errno != ELOOP)
			log_warn("image %s: %s", path, strerror(errno));
		return 0;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > DEVICES_IMAGE_MAX)
		goto out;
	got = read(fd, head, sizeof(head));
	if (got <= 0 || !(*ctype = magic(head, (size_t)got)))
		goto out;
	rc = 1;
	if (!b)
		goto out;
	if (buf_add(b, (const char *)head, (size_t)got) < 0) {
		rc = -1;
		goto out;
	}
	for (;;) {
		char chunk[16384];

		got = read(fd, chunk, sizeof(chunk));
		if (got == 0)
			break;
		if (got < 0 || b->len + (size_t)got > DEVICES_IMAGE_MAX ||
		    buf_add(b, chunk, (size_t)got) < 0) {
			log_warn("image %s: unreadable", path);
			rc = -1;
			break;
		}
	}
out:
	close(fd);
	if (rc != 1)
		*ctype = NULL;
	return rc;
}
