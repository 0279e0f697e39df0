/** Small plan files built in the tests: Word documents (with the docx package) and zip archives. */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import JSZip from "jszip";

/** A .docx whose body is the given paragraphs and tables (rows of cell texts), with a running header and a page-number footer. */
export async function wordFile(blocks: ReadonlyArray<string | string[][]>): Promise<Uint8Array> {
  const children = blocks.map((block) =>
    typeof block === "string"
      ? new Paragraph({ children: [new TextRun(block)] })
      : new Table({
          rows: block.map(
            (cells) =>
              new TableRow({ children: cells.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) }),
          ),
        }),
  );
  const document = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph("白云市人民政府办公室")] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"] })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A zip archive of the given files, deflated. */
export async function zipFile(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content, { createFolders: false });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * The same archive with every central-directory entry declaring `declaredBytes` uncompressed —
 * the shape of a zip bomb, whose real payload a test need not allocate.
 */
export function declareUncompressedSize(archive: Uint8Array, declaredBytes: number): Uint8Array {
  const patched = archive.slice();
  const view = new DataView(patched.buffer);
  for (let offset = 0; offset + 46 <= patched.length; offset++) {
    if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, declaredBytes, true);
  }
  return patched;
}
