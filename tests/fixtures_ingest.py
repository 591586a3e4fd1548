"""Small document builders for the ingest tests: a hand-assembled PDF and a Word file, written to tmp_path."""

from __future__ import annotations

from pathlib import Path

import docx


def _pdf_string(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"({escaped})".encode("latin-1")


COLUMN_PT = 110  # a table row's cells start this far apart


def write_pdf(path: Path, pages: list[list[str | tuple[str, ...]]], *, title: str | None = None) -> Path:
    """A minimal valid PDF (Helvetica text, one line per entry) with a correct xref table; an entry given as a
    tuple is a table row, its cells set in columns COLUMN_PT apart.

    Built byte by byte so the test controls exactly what text the PDF holds, without private pypdf APIs.
    """
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(pages))]
    font_id = 3 + 2 * len(pages)
    info_id = font_id + 1
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for pid, lines in zip(page_ids, pages, strict=True):
        ops = [b"BT /F1 12 Tf 14 TL 72 740 Td"]
        for line in lines:
            if isinstance(line, str):
                ops.append(_pdf_string(line) + b" Tj T*")
                continue
            for n, cell in enumerate(line):
                ops.append((b"%d 0 Td " % COLUMN_PT if n else b"") + _pdf_string(cell) + b" Tj")
            ops.append(b"%d 0 Td T*" % (-COLUMN_PT * (len(line) - 1)))
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {pid + 1} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Title " + _pdf_string(title) + b" >>" if title else b"<< >>")

    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_id} 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def write_docx(path: Path) -> Path:
    """A Word file with a Title paragraph, nested headings, a bullet and a table."""
    document = docx.Document()
    document.add_heading("Returns Policy", 0)
    document.add_heading("Refunds", 1)
    document.add_paragraph("Refunds are paid within 7 working days.")
    document.add_paragraph("Keep the original receipt", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {
        (0, 0): "Model",
        (0, 1): "Return window",
        (1, 0): "AX-100",
        (1, 1): "30 days",
    }.items():
        table.cell(row, col).text = text
    document.add_heading("Exchanges", 2)
    document.add_paragraph("Exchanges are allowed within 30 days.")
    document.save(str(path))
    return path
