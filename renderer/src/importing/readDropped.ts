/*
 * Files from a drop or a file input, with folder structure: a dropped folder is walked (the
 * browser's FileSystemEntry API), and each file keeps its path inside what was dropped, so the
 * server can tell a page in a folder from a file chosen by itself.
 */

export interface PickedFile {
  /** "folder/sub/page.txt" for a file inside a dropped or chosen folder, "page.txt" otherwise. */
  name: string;
  file: File;
  /** True when the file came from inside a folder (non-page files there are skipped). */
  inFolder: boolean;
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, out: PickedFile[], depth: number): Promise<void> {
  if (entry.isFile) {
    out.push({ name: entry.fullPath.replace(/^\//, ''), file: await fileOf(entry as FileSystemFileEntry), inFolder: depth > 0 });
  } else if (entry.isDirectory) {
    const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
    for (const child of children) await walk(child, out, depth + 1);
  }
}

export async function filesFromDrop(data: DataTransfer): Promise<PickedFile[]> {
  const entries = [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length > 0 && entries.every((e) => e !== null)) {
    const out: PickedFile[] = [];
    for (const entry of entries) await walk(entry!, out, 0);
    return out;
  }
  return [...data.files].map((file) => ({ name: file.name, file, inFolder: false }));
}

export function filesFromInput(list: FileList | null): PickedFile[] {
  return [...(list ?? [])].map((file) => {
    const relative = file.webkitRelativePath;
    return relative ? { name: relative, file, inFolder: true } : { name: file.name, file, inFolder: false };
  });
}

/** True when a drag carries files (not text dragged out of the editor). */
export function dragHasFiles(data: DataTransfer | null): boolean {
  return !!data && [...data.types].includes('Files');
}
