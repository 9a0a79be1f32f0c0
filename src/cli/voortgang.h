/*
 * voortgang.h - progress on stderr for commands that can take a while.
 *
 * Shown only when stderr is a terminal and only once the command has run
 * for about a second: a short run and every pipe or log file see nothing.
 * One line, rewritten in place ("\r"), erased again by voortgang_stop(), so
 * stdout and later messages are untouched. A background thread does the
 * drawing, so the pipeline itself needs no calls in its loops.
 *
 *     voortgang_begin();                 // at the start of the command
 *     ... load ...
 *     voortgang_fase("rekenen");
 *     ... compute ...
 *     voortgang_fase("werkboek schrijven");
 *     ... write ...
 *     voortgang_stop();                  // before printing anything else
 */
#ifndef TARIEF_CLI_VOORTGANG_H
#define TARIEF_CLI_VOORTGANG_H

#include <stddef.h>

/* Remember when the command started (the one-second threshold counts from here). */
void voortgang_begin(void);
/* The stage now running (a string literal); starts the drawing thread on first use. */
void voortgang_fase(const char *fase);
/* Part of the current stage done, for stages that can say (e.g. a library
 * callback per product); totaal 0 means unknown. Safe from any thread. */
void voortgang_deel(size_t gedaan, size_t totaal);
/* Erase the line and stop; harmless when nothing was shown or started. */
void voortgang_stop(void);

#endif
