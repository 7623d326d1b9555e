/*
 * unit.h: what every unit test file includes: cmocka and the public
 * headers of palermo's library.  Each tests/unit/test_NAME.c becomes
 * build/test_NAME and is run by tests/run.
 */
#ifndef PALERMO_UNIT_H
#define PALERMO_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "intake/intake.h"
#include "report/report.h"
#include "sample/sample.h"


#endif
