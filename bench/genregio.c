/*
 * genregio.c - a synthetic region of N products for `make bench`.
 *
 *     genregio -n 10000 -o build/bench/regio-10000 --cao data/cao/ghz-2022-05-01
 *
 * Writes uitgangspunten.csv, functies.csv, producten.csv and functiemix.csv
 * (rekenmethode §2.2, ';' with decimal comma) into the output directory.
 * The functies sit on real (schaal, trede) pairs of the shipped CAO table,
 * read from its salarisschalen.csv (FG 5-40), plus three functies given as
 * loonkosten_per_uur. The products are a mix of units with realistic hours,
 * group sizes, housing and care costs, about one in eight overriding a
 * region parameter; each has 1-4 functies whose percentages sum to exactly
 * 100. A fixed seed makes the same N give the same bytes, so runs compare.
 *
 *     genregio -n N -o DIR --cao C --volgend-jaar --cao-nieuw data/cao/ghz-2023-12-01
 *         "Next year" of the same region, for `tarief verschil`: tariefjaar
 *         2026, overhead 21 %, indexatie 3 %; the functies whose (schaal,
 *         trede) the raised table --cao-nieuw also has are inschaald in it
 *         (cao-salaristabellen); every 10th product swaps the shares of its
 *         first two functies (functiemix), every 7th has a quarter of an
 *         hour more per unit (inzet); every 97th is gone and N/100 new
 *         products are added at the end.
 *     genregio -n N -o DIR --cao C --aanbieder
 *         An aanbieder overlay on that region, for `tarief vergelijk`:
 *         overhead 25 %, verzuim 8 %, the tolk at another hourly cost, every
 *         11th product 10 % more hours per unit, every 13th its functiemix
 *         swapped as above.
 * Both variants draw the same random numbers as the region itself, so the
 * products they change are the region's products.
 *
 * Generated at bench time, never committed: the bench measures the tool
 * on national scale without shipping megabytes of fake data.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* xorshift64*: small, fast, and the same on every platform. */
static unsigned long long rng_state = 0x7461726965660005ULL; /* "tarief", issue 5 */

static unsigned long long rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

/* Uniform integer in [lo, hi]. */
static long pick(long lo, long hi)
{
    return lo + (long)(rng() % (unsigned long long)(hi - lo + 1));
}

static int die(const char *what, const char *path)
{
    fprintf(stderr, "genregio: %s %s: %s\n", what, path, strerror(errno));
    return 1;
}

static FILE *open_out(const char *dir, const char *name, char *path, size_t size)
{
    if (dir == NULL)
        snprintf(path, size, "/dev/null");
    else
        snprintf(path, size, "%s/%s", dir, name);
    return fopen(path, "w");
}

/* A number in the Dutch form of a ';' file: 2 decimals, comma, no grouping. */
static const char *nl2(char *buf, size_t size, long cents)
{
    snprintf(buf, size, "%ld,%02ld", cents / 100, cents % 100);
    return buf;
}

#define MAX_PAIRS 512

typedef struct pair {
    char schaal[16];
    char trede[8];
} pair;

/* The (schaal, trede) pairs of FG 5-40 in the CAO's salarisschalen.csv. */
static int read_pairs(const char *cao_dir, pair *pairs, int max)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/salarisschalen.csv", cao_dir);
    FILE *f = fopen(path, "r");
    if (!f) {
        die("kan niet lezen:", path);
        return -1;
    }
    char line[512];
    int n = 0;
    while (fgets(line, sizeof line, f) && n < max) {
        char *s = line, *t = strchr(s, ';');
        if (!t || line[0] == '#')
            continue;
        *t++ = '\0';
        char *e = strchr(t, ';');
        if (!e)
            continue;
        *e = '\0';
        int fg;
        char rest;
        if (sscanf(s, "FG %d%c", &fg, &rest) != 1 || fg < 5 || fg > 40)
            continue; /* header, FG 45 (incomplete in the shipped table) */
        snprintf(pairs[n].schaal, sizeof pairs[n].schaal, "%s", s);
        snprintf(pairs[n].trede, sizeof pairs[n].trede, "%s", t);
        n++;
    }
    fclose(f);
    return n;
}

/* Functiemix patterns: percentages summing to exactly 100. */
static const int mixes[][5] = {
    {1, 100}, {1, 100},
    {2, 70, 30}, {2, 60, 40}, {2, 90, 10}, {2, 50, 50},
    {3, 50, 30, 20}, {3, 55, 35, 10}, {3, 60, 25, 15},
    {4, 40, 30, 20, 10}, {4, 50, 25, 15, 10},
};

typedef struct unit {
    const char *eenheid;
    int weight;              /* share of products, out of 100 */
    long uren_lo, uren_hi;   /* hours x 100 */
    const char *naam;
} unit;

static const unit units[] = {
    {"uur", 34, 100, 150, "Ambulante begeleiding"},
    {"minuut", 10, 0, 0, "Ambulante jeugdhulp per minuut"},
    {"dagdeel", 15, 350, 400, "Dagbehandeling groep"},
    {"etmaal", 20, 1200, 2400, "Verblijf leefgroep"},
    {"week", 11, 200, 800, "Intensieve gezinsbehandeling"},
    {"traject", 10, 400, 4000, "Diagnostiek en behandelplan"},
};

static void usage(void)
{
    fprintf(stderr, "gebruik: genregio -n AANTAL -o MAP --cao CAO-MAP\n"
                    "                 [--volgend-jaar --cao-nieuw CAO-MAP | --aanbieder]\n");
    exit(2);
}

/* A (schaal, trede) the raised table also has. */
static int in_pairs(const pair *pairs, int n, const char *schaal, const char *trede)
{
    for (int i = 0; i < n; i++)
        if (strcmp(pairs[i].schaal, schaal) == 0 && strcmp(pairs[i].trede, trede) == 0)
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    long n = 0;
    const char *out = NULL, *cao_dir = NULL, *cao_nieuw = NULL;
    int volgend = 0, aanbieder = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            n = strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--cao") == 0 && i + 1 < argc)
            cao_dir = argv[++i];
        else if (strcmp(argv[i], "--cao-nieuw") == 0 && i + 1 < argc)
            cao_nieuw = argv[++i];
        else if (strcmp(argv[i], "--volgend-jaar") == 0)
            volgend = 1;
        else if (strcmp(argv[i], "--aanbieder") == 0)
            aanbieder = 1;
        else
            usage();
    }
    if (n < 1 || !out || !cao_dir || (volgend && aanbieder) || (volgend != (cao_nieuw != NULL)))
        usage();
    const char *cao_id = strrchr(cao_dir, '/');
    cao_id = cao_id ? cao_id + 1 : cao_dir;

    static pair pairs[MAX_PAIRS];
    int n_pairs = read_pairs(cao_dir, pairs, MAX_PAIRS);
    if (n_pairs <= 0) {
        fprintf(stderr, "genregio: geen schalen FG 5-40 gevonden in %s/salarisschalen.csv\n", cao_dir);
        return 1;
    }
    static pair nieuw_pairs[MAX_PAIRS];
    int n_nieuw = 0;
    const char *nieuw_id = NULL;
    if (volgend) {
        n_nieuw = read_pairs(cao_nieuw, nieuw_pairs, MAX_PAIRS);
        if (n_nieuw <= 0) {
            fprintf(stderr, "genregio: geen schalen FG 5-40 gevonden in %s/salarisschalen.csv\n", cao_nieuw);
            return 1;
        }
        nieuw_id = strrchr(cao_nieuw, '/');
        nieuw_id = nieuw_id ? nieuw_id + 1 : cao_nieuw;
    }
    if (mkdir(out, 0777) != 0 && errno != EEXIST)
        return die("kan map niet maken:", out);
    /* the overlay writes its own four files; the region's go nowhere (its
     * random numbers are still drawn: they decide the products) */
    const char *regio_uit = aanbieder ? NULL : out;

    char path[4096], b1[32], b2[32];
    FILE *f;

    /* uitgangspunten.csv: components, not productiviteit, so products may
     * override a single component (indirecte_tijd) as real regions do. */
    if (!(f = open_out(regio_uit, "uitgangspunten.csv", path, sizeof path)))
        return die("kan niet schrijven:", path);
    fprintf(f, "parameter;waarde;bron\n"
               "# Synthetische regio voor make bench (bench/genregio.c), %ld producten%s.\n"
               "regio;Benchregio %ld;synthetisch\n"
               "tariefjaar;%s;synthetisch\n"
               "cao;%s;meegeleverde cao-tabel\n"
               "werkgeverslasten;30%%;aanname\n"
               "verlof;10,3%%;aanname\n"
               "verzuim;6,7%%;aanname\n"
               "scholing;2%%;aanname\n"
               "werkoverleg;3%%;aanname\n"
               "indirecte_tijd;10%%;aanname\n"
               "ort;0%%;aanname\n"
               "reis_en_opleiding;3%%;aanname\n"
               "gemeentelijke_verplichtingen;2%%;aanname\n"
               "overhead;%s;aanname\n"
               "overhead_grondslag;opslag;aanname\n"
               "risico;3%%;aanname\n"
               "indexatie;%s;aanname\n"
               "afronding;cent;aanname\n",
            n, volgend ? ", volgend jaar" : "", n, volgend ? "2026" : "2025", cao_id, volgend ? "21%" : "20%",
            volgend ? "3%" : "14%");
    if (fclose(f) != 0)
        return die("kan niet schrijven:", path);

    /* functies.csv: two treden per FG scale, spread over the table, and
     * three functies given per hour. */
    enum { MAX_FUNCTIES = 64 };
    char functies[MAX_FUNCTIES][32];
    int n_functies = 0;
    if (!(f = open_out(regio_uit, "functies.csv", path, sizeof path)))
        return die("kan niet schrijven:", path);
    fprintf(f, "functie;cao;schaal;trede;loonkosten_per_uur;omschrijving\n");
    for (int i = 0; i < n_pairs && n_functies < MAX_FUNCTIES - 3; i++) {
        /* the 3rd and the 8th trede of each scale, when present */
        int k = 0;
        for (int j = i - 1; j >= 0 && strcmp(pairs[j].schaal, pairs[i].schaal) == 0; j--)
            k++;
        if (k != 2 && k != 7)
            continue;
        snprintf(functies[n_functies], sizeof functies[0], "%s-t%s", pairs[i].schaal, pairs[i].trede);
        /* next year: in the raised table where it has this inschaling */
        fprintf(f, "%s;%s;%s;%s;;medewerker %s trede %s\n", functies[n_functies],
                volgend && in_pairs(nieuw_pairs, n_nieuw, pairs[i].schaal, pairs[i].trede) ? nieuw_id : "",
                pairs[i].schaal, pairs[i].trede, pairs[i].schaal, pairs[i].trede);
        n_functies++;
    }
    static const char *const per_uur[][2] = {
        {"psychiater", "95,00"}, {"zzp-specialist", "78,50"}, {"tolk", "61,25"}};
    for (int i = 0; i < 3; i++) {
        snprintf(functies[n_functies], sizeof functies[0], "%s", per_uur[i][0]);
        fprintf(f, "%s;;;;%s;ingehuurd, per betaald uur\n", per_uur[i][0], per_uur[i][1]);
        n_functies++;
    }
    if (fclose(f) != 0)
        return die("kan niet schrijven:", path);

    /* the overlay: parameters, one functie; its product and mix rows below */
    FILE *ap = NULL, *am = NULL;
    char ap_path[4096], am_path[4096];
    if (aanbieder) {
        if (!(f = open_out(out, "uitgangspunten.csv", path, sizeof path)))
            return die("kan niet schrijven:", path);
        fprintf(f, "parameter;waarde;bron\n"
                   "# Synthetische aanbieder op de benchregio van %ld producten (bench/genregio.c).\n"
                   "aanbieder;Benchaanbieder;synthetisch\n"
                   "overhead;25%%;aanname\n"
                   "verzuim;8%%;aanname\n", n);
        if (fclose(f) != 0)
            return die("kan niet schrijven:", path);
        if (!(f = open_out(out, "functies.csv", path, sizeof path)))
            return die("kan niet schrijven:", path);
        fprintf(f, "functie;cao;schaal;trede;loonkosten_per_uur;omschrijving\n"
                   "tolk;;;;64,00;eigen tolk, per betaald uur\n");
        if (fclose(f) != 0)
            return die("kan niet schrijven:", path);
        if (!(ap = open_out(out, "producten.csv", ap_path, sizeof ap_path)))
            return die("kan niet schrijven:", ap_path);
        if (!(am = open_out(out, "functiemix.csv", am_path, sizeof am_path)))
            return die("kan niet schrijven:", am_path);
        fprintf(ap, "code;uren_per_eenheid\n");
        fprintf(am, "product;functie;percentage\n");
    }

    /* producten.csv and functiemix.csv together, product by product. */
    FILE *fp = open_out(regio_uit, "producten.csv", path, sizeof path);
    if (!fp)
        return die("kan niet schrijven:", path);
    char mixpath[4096];
    FILE *fm = open_out(regio_uit, "functiemix.csv", mixpath, sizeof mixpath);
    if (!fm)
        return die("kan niet schrijven:", mixpath);
    fprintf(fp, "code;naam;eenheid;uren_per_eenheid;begeleiders;groepsgrootte;huisvesting;verzorging;"
                "productiviteit;indirecte_tijd;ort;reis_en_opleiding;overhead;overhead_grondslag;afronding\n");
    fprintf(fm, "product;functie;percentage\n");
    FILE *weg = fopen("/dev/null", "w"); /* the rows of a product gone next year */
    if (!weg)
        return die("kan niet schrijven:", "/dev/null");
    long totaal = volgend ? n + n / 100 : n;
    FILE *const fp0 = fp, *const fm0 = fm;
    for (long i = 0; i < totaal; i++) {
        int vervalt = volgend && i < n && (i + 1) % 97 == 0;
        fp = vervalt ? weg : fp0;
        fm = vervalt ? weg : fm0;
        long w = pick(0, 99), acc = 0;
        size_t u = 0;
        for (; u + 1 < sizeof units / sizeof *units; u++) {
            acc += units[u].weight;
            if (w < acc)
                break;
        }
        const unit *un = &units[u];
        char code[32];
        snprintf(code, sizeof code, "%02dA%06ld", 41 + (int)u, i + 1);
        fprintf(fp, "%s;%s %ld;%s;", code, un->naam, i + 1, un->eenheid);
        if (strcmp(un->eenheid, "minuut") == 0)
            fputs("0,016666666666666666;", fp);
        else {
            long uren = pick(un->uren_lo, un->uren_hi) / 25 * 25;
            if (aanbieder && (i + 1) % 11 == 0) {
                /* 10 % more, within the unit: an etmaal has 24 hours (plausibel.c) */
                long meer = (uren * 110 + 50) / 100;
                if (strcmp(un->eenheid, "etmaal") == 0 && meer > 2400)
                    meer = 2400;
                fprintf(ap, "%s;%s\n", code, nl2(b1, sizeof b1, meer));
            }
            if (volgend && (i + 1) % 7 == 0)
                uren += 25;
            fprintf(fp, "%s;", nl2(b1, sizeof b1, uren));
        }
        /* begeleiders;groepsgrootte;huisvesting;verzorging */
        if (strcmp(un->eenheid, "etmaal") == 0)
            fprintf(fp, "%ld;%ld;%s;%s;", pick(1, 3), pick(4, 10), nl2(b1, sizeof b1, pick(2000, 6000)),
                    nl2(b2, sizeof b2, pick(1000, 2500)));
        else if (strcmp(un->eenheid, "dagdeel") == 0)
            fprintf(fp, "%ld;%ld;%s;%s;", pick(1, 3), pick(6, 10), nl2(b1, sizeof b1, pick(500, 1000)),
                    nl2(b2, sizeof b2, pick(150, 350)));
        else if (strcmp(un->eenheid, "uur") == 0 && pick(0, 9) == 0)
            fprintf(fp, "2;8;4,00;1,00;"); /* group training */
        else
            fputs(";;;;", fp);
        /* overrides: productiviteit;indirecte_tijd;ort;reis_en_opleiding;
         * overhead;overhead_grondslag;afronding */
        long o = pick(0, 15);
        if (strcmp(un->eenheid, "etmaal") == 0)
            fprintf(fp, ";2%%;%ld%%;;;;", pick(8, 14));
        else if (strcmp(un->eenheid, "dagdeel") == 0 && o < 8)
            fputs("80%;;;;;;", fp);
        else if (strcmp(un->eenheid, "minuut") == 0 && o < 4)
            fputs(";;;;;;deelbaar_door_60", fp);
        else if (o == 0)
            fputs(";15%;10%;5%;;;", fp);
        else if (o == 1)
            fputs(";;;;15%;aandeel;", fp);
        else if (o == 2)
            fputs(";;;;;;euro", fp);
        else
            fputs(";;;;;;", fp);
        fputc('\n', fp);

        const int *m = mixes[pick(0, (long)(sizeof mixes / sizeof *mixes) - 1)];
        int chosen[4];
        for (int k = 0; k < m[0]; k++) {
            int fi, dup;
            do {
                /* mostly CAO functies; a per-hour functie now and then */
                fi = pick(0, 19) == 0 ? n_functies - 1 - (int)pick(0, 2) : (int)pick(0, n_functies - 4);
                dup = 0;
                for (int j = 0; j < k; j++)
                    dup |= chosen[j] == fi;
            } while (dup);
            chosen[k] = fi;
        }
        /* a changed functiemix: the first two functies swap shares */
        int wissel = (volgend && (i + 1) % 10 == 0) || (aanbieder && (i + 1) % 13 == 0);
        for (int k = 0; k < m[0]; k++) {
            int pct = wissel && m[0] >= 2 && k < 2 ? m[2 - k] : m[k + 1];
            fprintf(fm, "%s;%s;%d%%\n", code, functies[chosen[k]], volgend || !wissel ? pct : m[k + 1]);
            if (aanbieder && wissel && m[0] >= 2)
                fprintf(am, "%s;%s;%d%%\n", code, functies[chosen[k]], pct);
        }
    }
    fp = fp0;
    fm = fm0;
    fclose(weg);
    if (ap && fclose(ap) != 0)
        return die("kan niet schrijven:", ap_path);
    if (am && fclose(am) != 0)
        return die("kan niet schrijven:", am_path);
    if (fclose(fp) != 0)
        return die("kan niet schrijven:", path);
    if (fclose(fm) != 0)
        return die("kan niet schrijven:", mixpath);
    return 0;
}
