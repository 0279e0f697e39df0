/**
 * Ribbon commands (ExecuteFunction in manifest.xml). They run in the shared runtime, so the
 * task pane hears about the result through a window event.
 */
import { checkReports } from "../excel/checkReports";
import { CHECKED_EVENT, FAILED_EVENT, type CheckedDetail } from "./events";

/** 检查月报: checks 月度填报 and fills 部门预警. */
export async function onCheckReports(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const result = await Excel.run((context) => checkReports(context));
    window.dispatchEvent(new CustomEvent<CheckedDetail>(CHECKED_EVENT, { detail: result }));
  } catch (error) {
    // A ribbon button has nowhere to show text but the pane; log for the host's dev tools.
    console.error("检查月报 failed:", error);
    window.dispatchEvent(
      new CustomEvent(FAILED_EVENT, { detail: error instanceof Error ? error.message : String(error) }),
    );
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  // Outside Excel (a plain browser) there is no Office.actions.
  Office.actions?.associate("checkReports", onCheckReports);
});
