/*
 * xml.c: the one escaping writer for XML and HTML text and attributes,
 * which the HTML page and its SVG charts share, and the UTF-8 decoding it
 * rests on.
 */
#include <stdint.h>

#include "lib/lib.h"

#define ELLIPSIS	"\xe2\x80\xa6"
#define REPLACEMENT	"\xef\xbf\xbd"

/*
 * The code point at s and its length in *n; -1, with *n = 1, for a byte
 * that does not begin a well-formed UTF-8 sequence (RFC 3629).  The
 * terminating NUL is not a continuation byte, so s is never read past it.
 */
long
utf8_decode(const char *p, size_t *n)
{
	const unsigned char	*s = (const unsigned char *)p;
	unsigned long		 cp;
	size_t			 need;

	*n = 1;
	if (s[0] < 0x80)
		return s[0];
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		need = 1;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		need = 2;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		need = 3;
		cp = s[0] & 0x07;
	} else
		return -1;
	for (size_t i = 1; i <= need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	*n = need + 1;
	return (long)cp;
}

/* The number of characters in s, a malformed byte counting as one. */
size_t
utf8_count(const char *s)
{
	size_t	 count = 0, n;

	for (; *s != '\0'; s += n, count++)
		utf8_decode(s, &n);
	return count;
}

/*
 * Append s to b as XML character data or as the inside of a quoted
 * attribute: & < > " ' become references, and what XML may not hold
 * (control characters, malformed UTF-8, U+FFFE and U+FFFF) becomes U+FFFD.
 * With max > 0, a text of more than max characters is cut to max - 1 of
 * them and an ellipsis.  A NULL s is empty.
 */
void
xml_escape(struct buf *b, const char *s, size_t max)
{
	size_t	 n, left = SIZE_MAX;
	long	 cp;

	if (s == NULL)
		return;
	if (max > 0 && utf8_count(s) > max)
		left = max - 1;
	for (; *s != '\0' && left > 0; s += n, left--) {
		cp = utf8_decode(s, &n);
		switch (cp) {
		case '&':
			buf_adds(b, "&amp;");
			break;
		case '<':
			buf_adds(b, "&lt;");
			break;
		case '>':
			buf_adds(b, "&gt;");
			break;
		case '"':
			buf_adds(b, "&quot;");
			break;
		case '\'':
			buf_adds(b, "&#39;");
			break;
		case '\t':
		case '\n':
		case '\r':
			buf_addc(b, (int)cp);
			break;
		default:
			if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
			    cp == 0xfffe || cp == 0xffff)
				buf_adds(b, REPLACEMENT);
			else
				buf_add(b, s, n);
			break;
		}
	}
	if (*s != '\0')
		buf_adds(b, ELLIPSIS);
}

