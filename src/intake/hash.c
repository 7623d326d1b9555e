/*
 * hash.c: the SHA-256 of a submitted file, for provenance and to refuse
 * the same file twice, computed as the file is read.  SHA-256 comes from
 * OpenSSL's libcrypto rather than libsodium: libcrypto uses the CPU's SHA
 * instructions where there are any, which makes hashing about four times
 * faster, and hashing is a tenth of an import's time with libsodium.
 * libcrypto is loaded when an import starts (lib/dynlib.c).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "intake/intake_int.h"

#define CRYPTO_FUNCS(X, v) X(v, EVP_MD_CTX_new) X(v, EVP_MD_CTX_free) \
	X(v, EVP_sha256) X(v, EVP_DigestInit_ex) X(v, EVP_DigestUpdate) \
	X(v, EVP_DigestFinal_ex)
static struct crypto_fns {
	CRYPTO_FUNCS(DYNLIB_MEMBER, _)
} cl;
static const char *const crypto_names[] = { CRYPTO_FUNCS(DYNLIB_NAME, cl) };
static void *const crypto_addrs[] = { CRYPTO_FUNCS(DYNLIB_ADDR, cl) };
static struct dynlib crypto_lib = { SO_CRYPTO, crypto_names, crypto_addrs,
    sizeof(crypto_names) / sizeof(crypto_names[0]), 0 };

struct hash {
	FILE		*in;
	EVP_MD_CTX	*st;
};

struct hash *
hash_new(void)
{
	struct hash	*h;

	if (dynlib_load(&crypto_lib) == -1)
		return NULL;
	h = xcalloc(1, sizeof(*h));
	if ((h->st = cl.EVP_MD_CTX_new()) == NULL ||
	    cl.EVP_DigestInit_ex(h->st, cl.EVP_sha256(), NULL) != 1)
		die("cannot start SHA-256");
	return h;
}

static ssize_t
hash_read(void *cookie, char *buf, size_t n)
{
	struct hash	*h = cookie;
	size_t		 got = fread(buf, 1, n, h->in);

	if (got == 0 && ferror(h->in))
		return -1;
	cl.EVP_DigestUpdate(h->st, buf, got);
	return (ssize_t)got;
}

FILE *
hash_reader(struct hash *h, FILE *in)
{
	cookie_io_functions_t io = { hash_read, NULL, NULL, NULL };

	h->in = in;
	return fopencookie(h, "r", io);
}

int
hash_file(struct hash *h, const char *path)
{
	char	 buf[65536];
	FILE	*fp;
	size_t	 n;

	if ((fp = fopen(path, "rb")) == NULL)
		return error("%s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		cl.EVP_DigestUpdate(h->st, buf, n);
	n = (size_t)ferror(fp);
	fclose(fp);
	return n ? error("%s: read error", path) : 0;
}

void
hash_hex(struct hash *h, char out[65])
{
	unsigned char	 d[EVP_MAX_MD_SIZE];
	unsigned int	 dlen = 0;

	if (cl.EVP_DigestFinal_ex(h->st, d, &dlen) != 1 || dlen != 32)
		die("SHA-256 failed");
	for (unsigned int i = 0; i < dlen; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

void
hash_free(struct hash *h)
{
	if (h == NULL)
		return;
	if (h->st)
		cl.EVP_MD_CTX_free(h->st);
	free(h);
}
