/**
 * The saved workbook state lives in the pure core (src/core/workbookState.ts) so the .xlsx writer
 * writes the same part; re-exported here for the add-in's modules and older imports.
 */
export {
  STATE_NAMESPACE,
  listsSheet,
  stateFromXml,
  stateToXml,
  workbookStateOf,
  type StateSheet,
  type WorkbookState,
} from "../core/workbookState";
