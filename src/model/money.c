/*
 * money.c: the Trust Fund's money and the names of its ledger (model.h).
 * Money is in integer minor units of its currency; the currencies are
 * ISO 4217 as Debian's iso-codes lists them, compiled in, with the number
 * of decimals from palermo's own table below (iso-codes does not carry
 * it).  Amounts in other currencies are converted to US cents at the rate
 * the entry gives, exactly (128-bit integers), rounded half away from zero.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

const char *const fund_account_names[FA__MAX] = {
	[FA_CASH] = "cash",
	[FA_PLEDGES] = "pledges_receivable",
	[FA_COMMITTED] = "pledges_committed",
	[FA_INCOME] = "contributions",
	[FA_APPROVED] = "grants_approved",
	[FA_UNDISBURSED] = "grants_undisbursed",
	[FA_EXPENSE] = "grant_expenditure",
	[FA_SUPPORT] = "support_costs",
};

const char *const fund_kind_names[FE__MAX] = {
	[FE_PLEDGE] = "pledge",
	[FE_CONTRIBUTION] = "contribution",
	[FE_GRANT] = "grant",
	[FE_DISBURSEMENT] = "disbursement",
	[FE_REFUND] = "refund",
	[FE_SUPPORT] = "support",
	[FE_REVERSAL] = "reversal",
};

const char *const donor_kind_names[DK__MAX] = {
	[DK_STATE] = "state",
	[DK_INTERGOVERNMENTAL] = "intergovernmental",
	[DK_PRIVATE_SECTOR] = "private_sector",
	[DK_INDIVIDUAL] = "individual",
	[DK_CAMPAIGN] = "campaign",
};

const char *const donor_kind_labels[DK__MAX] = {
	[DK_STATE] = "States",
	[DK_INTERGOVERNMENTAL] = "Intergovernmental organisations",
	[DK_PRIVATE_SECTOR] = "Private sector",
	[DK_INDIVIDUAL] = "Individuals",
	[DK_CAMPAIGN] = "Campaigns",
};

const char *const grant_window_names[GW__MAX] = {
	[GW_EMERGENCY] = "emergency",
	[GW_MEDIUM_TERM] = "medium_term",
};

const char *const grant_window_labels[GW__MAX] = {
	[GW_EMERGENCY] = "Emergency",
	[GW_MEDIUM_TERM] = "Medium-term",
};

const struct rate rate_one = { 1, 0, "1" };

/* --- currencies --------------------------------------------------------- */

/*
 * The decimals of the currencies that do not have two, and the codes of
 * ISO 4217 that are not money (metals, units, testing), which the fund
 * does not take.
 */
static const struct {
	const char	*code;
	int		 exp;
} decimals[] = {
	{ "BIF", 0 }, { "CLP", 0 }, { "DJF", 0 }, { "GNF", 0 }, { "ISK", 0 },
	{ "JPY", 0 }, { "KMF", 0 }, { "KRW", 0 }, { "PYG", 0 }, { "RWF", 0 },
	{ "UGX", 0 }, { "UYI", 0 }, { "VND", 0 }, { "VUV", 0 }, { "XAF", 0 },
	{ "XOF", 0 }, { "XPF", 0 },
	{ "BHD", 3 }, { "IQD", 3 }, { "JOD", 3 }, { "KWD", 3 }, { "LYD", 3 },
	{ "OMR", 3 }, { "TND", 3 },
	{ "CLF", 4 }, { "UYW", 4 },
	{ "XAG", -1 }, { "XAU", -1 }, { "XBA", -1 }, { "XBB", -1 },
	{ "XBC", -1 }, { "XBD", -1 }, { "XDR", -1 }, { "XPD", -1 },
	{ "XPT", -1 }, { "XSU", -1 }, { "XTS", -1 }, { "XUA", -1 },
	{ "XXX", -1 },
};

static struct currency	*currencies;
static size_t		 ncurrencies;

static void
currencies_load(void)
{
	const struct embedded	*e = embedded_find("iso_4217.json");
	json_error_t		 jerr;
	json_t			*j, *list, *c;
	size_t			 i;

	if (e == NULL || (j = json_loadb(e->data, e->len, 0, &jerr)) == NULL)
		die("the compiled-in ISO 4217 list is missing or malformed");
	list = json_object_get(j, "4217");
	currencies = xcalloc(json_array_size(list) + 1, sizeof(*currencies));
	json_array_foreach(list, i, c) {
		const char	*code = json_string_value(json_object_get(c,
		    "alpha_3"));
		const char	*name = json_string_value(json_object_get(c,
		    "name"));
		int		 exp = 2;

		if (code == NULL || strlen(code) != 3)
			continue;
		for (size_t k = 0; k < sizeof(decimals) / sizeof(decimals[0]);
		    k++)
			if (strcmp(decimals[k].code, code) == 0)
				exp = decimals[k].exp;
		if (exp < 0)
			continue;
		currencies[ncurrencies].code = xstrdup(code);
		currencies[ncurrencies].name = xstrdup(name ? name : code);
		currencies[ncurrencies].exp = exp;
		ncurrencies++;
	}
	json_decref(j);
}

const struct currency *
currency_find(const char *code)
{
	if (currencies == NULL)
		currencies_load();
	for (size_t i = 0; i < ncurrencies; i++)
		if (strcmp(currencies[i].code, code) == 0)
			return &currencies[i];
	return NULL;
}

/* --- amounts and rates -------------------------------------------------- */

/* Digits, an optional point and decimals: the integer of all the digits
 * in *v and the number of decimals in *scale; 0 or -1 (said in why). */
static int
decimal_parse(const char *s, int64_t *v, int *scale, int max_scale,
    struct buf *why)
{
	const char	*p = s;
	int		 digits = 0;

	*v = 0;
	*scale = -1;
	for (; *p; p++) {
		if (*p == '.' && *scale == -1 && digits > 0) {
			*scale = 0;
			continue;
		}
		if (*p < '0' || *p > '9') {
			buf_addf(why, "'%s' is not an amount such as 1234.50 "
			    "(no sign, no separators)", s);
			return -1;
		}
		if (*v > (INT64_MAX - (*p - '0')) / 10) {
			buf_addf(why, "'%s' is too large", s);
			return -1;
		}
		*v = *v * 10 + (*p - '0');
		digits++;
		if (*scale >= 0 && ++*scale > max_scale) {
			buf_addf(why, "'%s' has more than %d decimal%s", s,
			    max_scale, max_scale == 1 ? "" : "s");
			return -1;
		}
	}
	if (digits == 0 || *scale == 0) {
		buf_addf(why, "'%s' is not an amount such as 1234.50", s);
		return -1;
	}
	if (*scale < 0)
		*scale = 0;
	return 0;
}

int
money_parse(const char *s, int exp, int64_t *out, struct buf *why)
{
	int64_t		 v;
	int		 scale;

	if (decimal_parse(s, &v, &scale, exp, why) == -1)
		return -1;
	for (; scale < exp; scale++) {
		if (v > INT64_MAX / 10) {
			buf_addf(why, "'%s' is too large", s);
			return -1;
		}
		v *= 10;
	}
	if (v == 0) {
		buf_addf(why, "the amount is zero");
		return -1;
	}
	*out = v;
	return 0;
}

void
money_format(int64_t v, int exp, char buf[32])
{
	uint64_t	 u = v < 0 ? -(uint64_t)v : (uint64_t)v;
	uint64_t	 p = 1;

	for (int i = 0; i < exp; i++)
		p *= 10;
	if (exp == 0)
		snprintf(buf, 32, "%s%llu", v < 0 ? "-" : "",
		    (unsigned long long)u);
	else
		snprintf(buf, 32, "%s%llu.%0*llu", v < 0 ? "-" : "",
		    (unsigned long long)(u / p), exp,
		    (unsigned long long)(u % p));
}

int
rate_parse(const char *s, struct rate *r, struct buf *why)
{
	if (decimal_parse(s, &r->num, &r->scale, 9, why) == -1)
		return -1;
	if (r->num == 0) {
		buf_addf(why, "a rate of zero");
		return -1;
	}
	snprintf(r->text, sizeof(r->text), "%s", s);
	return 0;
}

int
usd_cents(int64_t amount, int exp, const struct rate *r, int64_t *out)
{
	__int128	 num, den = 1, q, rem;

	/* cents = amount / 10^exp * num / 10^scale * 100; an amount near
	 * the int64 limit at a large rate overflows even 128 bits */
	if (__builtin_mul_overflow((__int128)amount, (__int128)r->num, &num) ||
	    __builtin_mul_overflow(num, (__int128)100, &num))
		return -1;
	for (int i = 0; i < r->scale + exp; i++)
		den *= 10;
	q = num / den;
	rem = num % den;
	if (rem < 0)
		rem = -rem;
	if (2 * rem >= den)		/* half away from zero */
		q += num < 0 ? -1 : 1;
	if (q > INT64_MAX || q < -INT64_MAX)
		return -1;
	*out = (int64_t)q;
	return 0;
}
