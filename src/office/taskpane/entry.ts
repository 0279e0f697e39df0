/**
 * Entry of the shared runtime page (taskpane.html, webpack entry "taskpane"): the custom functions
 * and the ribbon commands register first; the pane's UI (Fluent components, renderer, templates)
 * loads after, in its own chunk, so the functions answer without waiting for it. (functions.js is
 * also built on its own for the manifest's Functions.Script.Url.)
 */
import "../functions/functions";
import "../commands/commands";

void import(/* webpackChunkName: "pane" */ "./taskpane");
