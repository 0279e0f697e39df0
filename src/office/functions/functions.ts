/**
 * Entry of the custom-functions bundle (webpack entry "functions", loaded in the shared runtime).
 * custom-functions-metadata-plugin generates functions.json from the JSDoc of the imported files
 * and adds their CustomFunctions.associate calls.
 */
import "./trajectory";
import "./subsidy";
