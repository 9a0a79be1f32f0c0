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

int main(int argc, char **argv)
{
    long n = 0;
    const char *out = NULL, *cao_dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            n = strtol(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp(argv[i], "--cao") == 0 && i + 1 < argc)
            cao_dir = argv[++i];
        else {
            fprintf(stderr, "gebruik: genregio -n AANTAL -o MAP --cao CAO-MAP\n");
            return 2;
        }
    }
    if (n < 1 || !out || !cao_dir) {
        fprintf(stderr, "gebruik: genregio -n AANTAL -o MAP --cao CAO-MAP\n");
        return 2;
    }
    const char *cao_id = strrchr(cao_dir, '/');
    cao_id = cao_id ? cao_id + 1 : cao_dir;

    static pair pairs[MAX_PAIRS];
    int n_pairs = read_pairs(cao_dir, pairs, MAX_PAIRS);
    if (n_pairs <= 0) {
        fprintf(stderr, "genregio: geen schalen FG 5-40 gevonden in %s/salarisschalen.csv\n", cao_dir);
        return 1;
    }
    if (mkdir(out, 0777) != 0 && errno != EEXIST)
        return die("kan map niet maken:", out);

    char path[4096], b1[32], b2[32];
    FILE *f;

    /* uitgangspunten.csv: components, not productiviteit, so products may
     * override a single component (indirecte_tijd) as real regions do. */
    if (!(f = open_out(out, "uitgangspunten.csv", path, sizeof path)))
        return die("kan niet schrijven:", path);
    fprintf(f, "parameter;waarde;bron\n"
               "# Synthetische regio voor make bench (bench/genregio.c), %ld producten.\n"
               "regio;Benchregio %ld;synthetisch\n"
               "tariefjaar;2025;synthetisch\n"
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
               "overhead;20%%;aanname\n"
               "overhead_grondslag;opslag;aanname\n"
               "risico;3%%;aanname\n"
               "indexatie;14%%;aanname\n"
               "afronding;cent;aanname\n",
            n, n, cao_id);
    if (fclose(f) != 0)
        return die("kan niet schrijven:", path);

    /* functies.csv: two treden per FG scale, spread over the table, and
     * three functies given per hour. */
    enum { MAX_FUNCTIES = 64 };
    char functies[MAX_FUNCTIES][32];
    int n_functies = 0;
    if (!(f = open_out(out, "functies.csv", path, sizeof path)))
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
        fprintf(f, "%s;;%s;%s;;medewerker %s trede %s\n", functies[n_functies], pairs[i].schaal,
                pairs[i].trede, pairs[i].schaal, pairs[i].trede);
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

    /* producten.csv and functiemix.csv together, product by product. */
    FILE *fp = open_out(out, "producten.csv", path, sizeof path);
    if (!fp)
        return die("kan niet schrijven:", path);
    char mixpath[4096];
    FILE *fm = open_out(out, "functiemix.csv", mixpath, sizeof mixpath);
    if (!fm)
        return die("kan niet schrijven:", mixpath);
    fprintf(fp, "code;naam;eenheid;uren_per_eenheid;begeleiders;groepsgrootte;huisvesting;verzorging;"
                "productiviteit;indirecte_tijd;ort;reis_en_opleiding;overhead;overhead_grondslag;afronding\n");
    fprintf(fm, "product;functie;percentage\n");
    for (long i = 0; i < n; i++) {
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
        else
            fprintf(fp, "%s;", nl2(b1, sizeof b1, pick(un->uren_lo, un->uren_hi) / 25 * 25));
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
            fprintf(fm, "%s;%s;%d%%\n", code, functies[fi], m[k + 1]);
        }
    }
    if (fclose(fp) != 0)
        return die("kan niet schrijven:", path);
    if (fclose(fm) != 0)
        return die("kan niet schrijven:", mixpath);
    return 0;
}
