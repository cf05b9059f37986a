// import-x/no-cycle, counting type-only imports too.
//
// import-x skips `import type` (and imports whose every name is `type`) both in the file being
// linted and in the files it follows, and has no option to stop. A type-only cycle still ties
// two modules (and their layers) together, so this wrapper runs the same rule with every import
// presented as a value import: in the linted file by handing the rule copies of its import
// nodes, and in the files it follows by parsing them with a parser that clears the `type` marks.
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const rule = importX.rules['no-cycle'];

// The marks import-x reads: importKind on imports and their names, exportKind on re-exports.
const asValue = (node) => ({
  ...node,
  ...('importKind' in node && { importKind: 'value' }),
  ...('exportKind' in node && { exportKind: 'value' }),
  ...(node.specifiers && { specifiers: node.specifiers.map((s) => asValue(s)) }),
});

const valueImportsParser = {
  meta: { name: 'value-imports-parser' }, // import-x caches parsed files per parser
  parseForESLint(code, options) {
    const result = tseslint.parser.parseForESLint(code, options);
    result.ast.body = result.ast.body.map((n) => (n.source ? asValue(n) : n));
    return result;
  },
};

export default {
  rules: {
    'no-cycle': {
      meta: { ...rule.meta, docs: { description: 'import-x/no-cycle, type-only imports included' } },
      create(context) {
        const ctx = Object.create(context, {
          languageOptions: { value: { ...context.languageOptions, parser: valueImportsParser } },
        });
        const visitors = rule.create(ctx);
        return Object.fromEntries(
          Object.entries(visitors).map(([key, visit]) => [key, (node) => visit(node.source ? asValue(node) : node)]),
        );
      },
    },
  },
};
