/*
 * tarief/cao.h - derive next year's CAO salary table from this year's.
 *
 * CAO rises are announced as rules ("+8 %, then every step below € 15 per
 * hour raised to € 15 per hour", "+5 % with a minimum of € 150 and a maximum
 * of € 300 a month"), the tables themselves come later as PDFs. This module
 * applies such rules to a loaded table (tarief_load_cao) and writes the
 * result as a new CAO directory in the format of rekenmethode §2.1, with in
 * every `bron` the table it came from and the exact rules.
 *
 * Computing and writing are separate: tarief_cao_verhoog() builds the new
 * table in memory (a complete tarief_cao plus a per-row trace),
 * tarief_cao_schrijf() puts it on disk.
 *
 *     tarief_cao_stap stappen[] = {
 *         { .soort = TARIEF_CAO_PROCENT, .waarde = 0.05,
 *           .heeft_minimum = true, .minimum = 150,
 *           .heeft_maximum = true, .maximum = 300 },
 *     };
 *     tarief_cao_regels r = { .stappen = stappen, .n_stappen = 1 };  // afronding cent
 *     tarief_cao_doel d = { .id = "ggz-2023-11-01", .ingangsdatum = "2023-11-01" };
 *     const tarief_cao *oud = tarief_load_cao(ctx, "data/cao", "ggz-fwg65-2023-05-01");
 *     const tarief_cao_verhoging *v = tarief_cao_verhoog(ctx, oud, &r, &d);
 *     if (v && tarief_cao_schrijf(ctx, v, "data/cao") == TARIEF_CAO_OK) ...
 *     // data/cao/ggz-2023-11-01/salarisschalen.csv:
 *     //   FWG 65;1;4.691,40;afgeleid van ggz-fwg65-2023-05-01 met tarief cao
 *     //   verhoog: 4.468,00 +5 % (+223,40) = 4.691,40
 *
 * Rules are applied in order, each to the result of the previous one, at full
 * double precision; the rounding (cent or euro, spreadsheet ROUND) is done
 * once, at the end.
 *
 * Ownership: everything returned belongs to ctx (see tarief/model.h) and is
 * freed by tarief_ctx_free(). Problems go to ctx's diag; nothing is printed.
 */
#ifndef TARIEF_CAO_H
#define TARIEF_CAO_H

#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The kinds of step of a rise. */
typedef enum tarief_cao_soort {
    /** Every salary rises by a percentage: S + S × waarde, where the rise
     *  S × waarde may be bounded per month by minimum and maximum. */
    TARIEF_CAO_PROCENT,
    /** Every salary below waarde euro per hour (× hours per month) is raised
     *  to that monthly amount; higher salaries stay as they are. */
    TARIEF_CAO_MINIMUM_UURLOON
} tarief_cao_soort;

/**
 * One step of a rise. A zeroed step is "+0 %" without bounds.
 *
 *     // +5 % with a minimum of € 150 and a maximum of € 300 a month
 *     tarief_cao_stap s = { .soort = TARIEF_CAO_PROCENT, .waarde = 0.05,
 *                           .heeft_minimum = true, .minimum = 150,
 *                           .heeft_maximum = true, .maximum = 300 };
 *     // every salary below € 15 an hour raised to € 15 an hour
 *     tarief_cao_stap u = { .soort = TARIEF_CAO_MINIMUM_UURLOON, .waarde = 15 };
 */
typedef struct tarief_cao_stap {
    tarief_cao_soort soort;
    /** PROCENT: the rise as a fraction (0.05 for 5 %), >= 0.
     *  MINIMUM_UURLOON: euro per hour, > 0. */
    double waarde;
    /** PROCENT only: bounds on the rise in euro per month, >= 0, and
     *  minimum <= maximum when both are set. */
    bool heeft_minimum, heeft_maximum;
    double minimum, maximum;
} tarief_cao_stap;

/**
 * The rules of one rise: its steps in order, and how to round. A zeroed
 * struct (with stappen filled in) means: hours per month from the CAO,
 * rounded to the cent.
 *
 *     // CAO Jeugdzorg 2024: +8 %, then the € 15 hourly floor, then +1,25 %
 *     tarief_cao_stap s[] = {
 *         { .soort = TARIEF_CAO_PROCENT, .waarde = 0.08 },
 *         { .soort = TARIEF_CAO_MINIMUM_UURLOON, .waarde = 15 },
 *         { .soort = TARIEF_CAO_PROCENT, .waarde = 0.0125 },
 *     };
 *     tarief_cao_regels r = { .stappen = s, .n_stappen = 3 };
 */
typedef struct tarief_cao_regels {
    const tarief_cao_stap *stappen;
    size_t n_stappen;                /**< at least 1 */
    /** Hours per month for MINIMUM_UURLOON; 0 means the CAO's
     *  uren_per_week × 52 / 12 (36 h/week: 156). */
    double uren_per_maand;
    /** TARIEF_AFRONDING_CENT (the zero value) or TARIEF_AFRONDING_EURO:
     *  spreadsheet ROUND half away from zero, applied once at the end. */
    tarief_afronding afronding;
} tarief_cao_regels;

/**
 * What the new table is called.
 *
 *     tarief_cao_doel d = { .id = "jeugdzorg-2024-07-01",
 *                           .ingangsdatum = "2024-07-01" };   // naam derived
 */
typedef struct tarief_cao_doel {
    /** New cao-id, a plain directory name: letters, digits, '-', '_', '.',
     *  not starting with '.' or '-'. */
    const char *id;
    /** JJJJ-MM-DD, a real date, later than the source table's ingangsdatum. */
    const char *ingangsdatum;
    /** Display name; NULL: the source's naam with its date replaced
     *  ("..., FWG 65 per 1 mei 2023" -> "..., FWG 65 per 1 november 2023"),
     *  or with " (per 1 november 2023)" appended when it names no date. */
    const char *naam;
} tarief_cao_doel;

/** The effect of one step on one salary. */
typedef struct tarief_cao_stapwaarde {
    double voor;       /**< salary before the step */
    double verhoging;  /**< PROCENT: voor × waarde, before the bounds;
                            MINIMUM_UURLOON: the monthly floor */
    double na;         /**< salary after the step (unrounded) */
    /** PROCENT: -1 raised to the minimum, +1 cut to the maximum, 0 neither.
     *  MINIMUM_UURLOON: 1 raised to the floor, 0 already at or above it. */
    int begrensd;
} tarief_cao_stapwaarde;

/** One salary row: old value, every step, and the result. */
typedef struct tarief_cao_rij {
    const tarief_salaris *oud;      /**< row of the source table */
    tarief_cao_stapwaarde *stappen; /**< one per step of the rules */
    double ongerond;                /**< after the last step */
    double maandsalaris;            /**< rounded: the new table's value */
    /** The row's calculation in Dutch, e.g. "4.468,00 +5 % (+223,40) =
     *  4.691,40". The written `bron` column (and cao.salarissen[i].bron.tekst)
     *  is "afgeleid van <bron-id> met tarief cao verhoog: " followed by it. */
    const char *toelichting;
} tarief_cao_rij;

/** A derived table with its trace. */
typedef struct tarief_cao_verhoging {
    /** The new table, complete: id, naam, ingangsdatum, every parameter of
     *  the source (values unchanged), regels in the source's order with
     *  naam and ingangsdatum replaced and new bron texts, salarissen in the
     *  source's order with the new maandsalaris. dir, cao_file and
     *  salaris_file are NULL until it is written. */
    tarief_cao cao;
    const tarief_cao *bron;         /**< the source table */
    tarief_cao_stap *stappen;       /**< copy of the rules */
    size_t n_stappen;
    tarief_afronding afronding;
    /** Hours per month used by MINIMUM_UURLOON steps; 0 when there is none. */
    double uren_per_maand;
    bool uren_opgegeven;            /**< from the rules, not the CAO */
    /** "afgeleid van <bron-id> met tarief cao verhoog: <rules>", e.g.
     *  "afgeleid van ggz-fwg65-2023-05-01 met tarief cao verhoog: +5 % (min
     *  € 150, max € 300 per maand), afronding cent". */
    const char *beschrijving;
    /** The rules alone, e.g. "+5 % (min € 150, max € 300 per maand),
     *  afronding cent". */
    const char *regels_tekst;
    tarief_cao_rij *rijen;          /**< one per salary row, source order */
    size_t n_rijen;
} tarief_cao_verhoging;

/**
 * Apply the rules to every salary of src. Returns NULL, with every problem
 * in ctx's diag, when the rules or the target are invalid: no step,
 * a negative percentage or bound, minimum > maximum, a MINIMUM_UURLOON step
 * while neither r->uren_per_maand nor the CAO's uren_per_week is given, an
 * invalid id or date, or a date not after src's.
 *
 *     // GGZ 1-11-2023 on FWG 65 step 1: 4.468 + 5 % = 4.691,40
 *     const tarief_cao_verhoging *v = tarief_cao_verhoog(ctx, oud, &r, &d);
 *     printf("%.2f\n", v->rijen[0].maandsalaris);      // 4691.40
 *     puts(v->beschrijving);
 */
const tarief_cao_verhoging *tarief_cao_verhoog(tarief_ctx *ctx, const tarief_cao *src,
                                               const tarief_cao_regels *r,
                                               const tarief_cao_doel *doel);

/** What tarief_cao_schrijf() did. */
typedef enum tarief_cao_status {
    TARIEF_CAO_OK = 0,
    TARIEF_CAO_BESTAAT, /**< <cao_map>/<id> already exists: nothing written */
    TARIEF_CAO_IO       /**< could not write: nothing left behind */
} tarief_cao_status;

/**
 * Write v's table as <cao_map>/<v->cao.id>/ with cao.csv and
 * salarisschalen.csv (rekenmethode §2.1: `;`, Dutch numbers, salaries with
 * two decimals, and in the `bron` column the source table and each row's
 * calculation).
 * Never overwrites: an existing file or directory of that name is refused.
 * Atomic: the directory is built under a temporary name in cao_map and
 * renamed into place when complete. On failure a Dutch message is in ctx's
 * diag (file: the target directory).
 *
 *     switch (tarief_cao_schrijf(ctx, v, "data/cao")) {
 *     case TARIEF_CAO_OK:      break;               // data/cao/<id>/ exists
 *     case TARIEF_CAO_BESTAAT: return 2;            // refused
 *     case TARIEF_CAO_IO:      return 3;
 *     }
 */
tarief_cao_status tarief_cao_schrijf(tarief_ctx *ctx, const tarief_cao_verhoging *v,
                                     const char *cao_map);

#ifdef __cplusplus
}
#endif
#endif
