import fc from "fast-check";
import { htmlToPlanText } from "../../src/readers/html";
import { alignTableColumns, dropPageFurniture, joinParagraphs, linesOfPage } from "../../src/readers/pdfLayout";
import { zipEntries } from "../../src/readers/zip";
import { detectPlanFormat } from "../../src/readers/detect";

const tag = fc.constantFrom("p", "div", "table", "tr", "td", "th", "br", "script", "nav", "span", "li", "pre");
const htmlish = fc
  .array(
    fc.oneof(
      fc.string(),
      tag.map((name) => `<${name}>`),
      tag.map((name) => `</${name}>`),
      fc.constantFrom('<td colspan="3">', '<td rowspan="2">', '<td rowspan="99999">', "&nbsp;", "\t", "\n"),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

describe("plan readers on arbitrary input", () => {
  it("htmlToPlanText never throws and never yields blank lines", () => {
    fc.assert(
      fc.property(htmlish, fc.boolean(), (html, keepTabs) => {
        const text = htmlToPlanText(html, { keepTabs });
        for (const line of text === "" ? [] : text.split("\n")) expect(line.trim()).not.toBe("");
      }),
    );
  });

  it("the PDF layout steps never throw and keep every visible character (a wrapped cell's text may move into its row)", () => {
    const piece = fc.record({
      text: fc.string({ minLength: 1, maxLength: 8 }),
      x: fc.integer({ min: 0, max: 600 }),
      y: fc.integer({ min: 0, max: 800 }),
      width: fc.integer({ min: 0, max: 200 }),
      size: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 30 }), { maxLength: 4 }), (pages) => {
        const lines = pages.map(linesOfPage);
        const { pages: body } = dropPageFurniture(lines);
        const text = joinParagraphs(body.map(alignTableColumns));
        // (A hyphen between two halves of a Latin word is dropped on purpose.)
        const characters = (value: string) => [...value.replace(/[\s-]+/g, "")].sort().join("");
        expect(characters(text)).toBe(
          characters(
            body
              .flat()
              .map((line) => line.text)
              .join(""),
          ),
        );
      }),
    );
  });

  it("zipEntries and detectPlanFormat never throw on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, asZip) => {
        const input = asZip
          ? new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes, 0x50, 0x4b, 0x05, 0x06, ...bytes.slice(0, 18)])
          : bytes;
        zipEntries(input);
        detectPlanFormat(input, "plan.txt");
      }),
    );
  });
});
