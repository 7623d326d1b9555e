/*
 * stat.c: the key of an official value (model.h), as bytes to find the
 * same figure twice and as text to name it in a message.
 */
#include <string.h>

#include "model/model.h"

void
stat_key(const struct stat_rec *r, struct buf *b)
{
	int	 v[8] = { r->country, r->year, r->indicator, r->sex, r->age,
		    r->form, r->origin_dim, r->origin_text != NULL };

	buf_reset(b);
	buf_add(b, v, sizeof(v));
	/* an area without a code is its name; an origin its text, which
	 * may be blank (not the same as none) */
	if (r->country == NR && r->country_text != NULL)
		buf_add(b, r->country_text, strlen(r->country_text) + 1);
	if (r->origin_text != NULL)
		buf_adds(b, r->origin_text);
}

void
stat_key_text(const char *key, size_t len, struct buf *b)
{
	const struct country *c;
	int	 v[8];
	const char *text = key + sizeof(v), *area = NULL, *origin = NULL;

	if (len < sizeof(v)) {
		buf_adds(b, "?");
		return;
	}
	memcpy(v, key, sizeof(v));
	if (v[0] == NR && text < key + len) {
		area = text;
		text += strlen(text) + 1;
	}
	if (v[7])
		origin = text < key + len ? text : "";
	c = v[0] == NR ? NULL : country_by_numeric(v[0]);
	buf_addf(b, "%s %d %s", c ? c->alpha3 : area ? area : "?", v[1],
	    code_name(CL_INDICATOR, v[2]));
	if (v[3] != SEX_TOTAL)
		buf_addf(b, ", sex %s", code_name(CL_SEX, v[3]));
	if (v[4] != AGEG_TOTAL)
		buf_addf(b, ", age %s", code_name(CL_AGE_GROUP, v[4]));
	if (v[5] != FORM_TOTAL)
		buf_addf(b, ", form %s", code_name(CL_FORM, v[5]));
	if (v[6] != ODIM_NONE)
		buf_addf(b, ", %s '%s'", code_name(CL_ORIGIN_DIM, v[6]),
		    origin ? origin : "");
}
