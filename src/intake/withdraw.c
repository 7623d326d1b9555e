/*
 * withdraw.c: taking a submission back: the submission and every record it
 * brought go, in one transaction, or nothing does.
 */
#include "intake/intake.h"

int
intake_withdraw(struct store *st, int64_t id)
{
	int	 found;

	if (st->ops->begin(st) == -1)
		return -1;
	if (st->ops->submission_remove(st, id, &found) == -1) {
		st->ops->rollback(st);
		return -1;
	}
	if (!found) {
		st->ops->rollback(st);
		return 1;
	}
	return st->ops->commit(st) == -1 ? -1 : 0;
}
