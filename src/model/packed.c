/*
 * packed.c: a case as the engine counts it and the store keeps it beside
 * its row: a byte for each year, code and country (an index for
 * country_at), two bits for each flag (model.h).
 */
#include <assert.h>
#include <string.h>

#include "model/model.h"

#define BYTE_NR		IDX_NR	/* any byte not recorded */

/* Where each case field lives in a packed record: a byte or a flag. */
static int	 slot_of[CF__MAX];
static int	 slot_ready;

void
packed_init(void)
{
	int	 b = 0, f = 0;

	if (slot_ready)
		return;
	country_init();
	for (int i = 0; i < CF__MAX; i++)
		slot_of[i] = case_fields[i].kind == FK_FLAG ? f++ : b++;
	assert(b == PACKED_BYTES && f <= PACKED_FLAGS * 4);
	slot_ready = 1;
}

uint32_t
packed_layout(void)
{
	uint32_t	 h = 2166136261u;	/* FNV-1a */
	int		 v[CF__MAX + 1];

	packed_init();
	for (int i = 0; i < CF__MAX; i++) {
		v[i] = (int)case_fields[i].kind;
		if (case_fields[i].kind == FK_CODE)
			v[i] |= code_lists[case_fields[i].list].count << 8;
	}
	v[CF__MAX] = country_count();
	for (int i = 0; i <= CF__MAX; i++)
		for (int k = 0; k < 4; k++)
			h = (h ^ (uint8_t)((unsigned)v[i] >> (8 * k))) *
			    16777619u;
	for (int c = 0; c < country_count(); c++)
		for (int k = 0; k < 2; k++)
			h = (h ^ (uint8_t)((unsigned)country_at(c)->numeric >>
			    (8 * k))) * 16777619u;
	return h;
}

void
packed_pack(const struct case_rec *c, struct packed *p)
{
	memset(p, 0, sizeof(*p));
	for (int i = 0; i < CF__MAX; i++) {
		int	 v = c->v[i], s = slot_of[i];

		switch (case_fields[i].kind) {
		case FK_FLAG:
			if (v != NR)
				p->flags[s / 4] |= (uint8_t)((v ? 2 : 1) <<
				    (2 * (s % 4)));
			break;
		case FK_YEAR:
			p->b[s] = v == NR || v < 1900 || v > 2153 ? BYTE_NR :
			    (uint8_t)(v - 1900);
			break;
		case FK_COUNTRY:
			v = v == NR ? -1 : country_index(v);
			p->b[s] = v < 0 ? BYTE_NR : (uint8_t)v;
			break;
		case FK_CODE:
			p->b[s] = v == NR ? BYTE_NR : (uint8_t)v;
			break;
		}
	}
}

int
packed_get(const struct packed *p, int field)
{
	int	 s = slot_of[field], v;

	switch (case_fields[field].kind) {
	case FK_FLAG:
		v = (p->flags[s / 4] >> (2 * (s % 4))) & 3;
		return v == 0 ? NR : v - 1;
	case FK_YEAR:
		return p->b[s] == BYTE_NR ? NR : p->b[s] + 1900;
	case FK_COUNTRY:
		return p->b[s] == BYTE_NR ? NR : country_at(p->b[s])->numeric;
	case FK_CODE:
		return p->b[s] == BYTE_NR ? NR : p->b[s];
	}
	return NR;
}

int
packed_byte(int field)
{
	return case_fields[field].kind == FK_FLAG ? -1 : slot_of[field];
}

void
packed_unpack(const struct packed *p, int *v)
{
	for (int i = 0; i < CF__MAX; i++) {
		int	 s = slot_of[i], b, f;

		switch (case_fields[i].kind) {
		case FK_FLAG:
			f = (p->flags[s >> 2] >> ((s & 3) << 1)) & 3;
			v[i] = f - 1;	/* 0: NR (-1), 1: no (0), 2: yes (1) */
			break;
		case FK_YEAR:
			b = p->b[s];
			v[i] = b == BYTE_NR ? NR : b + 1900;
			break;
		default:
			/* codes as they are; countries stay indexes here */
			b = p->b[s];
			v[i] = b == BYTE_NR ? NR : b;
			break;
		}
	}
}
