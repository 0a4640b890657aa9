import { addedPatch, file } from '../factories.js';
import type { AdversarialCase } from './harness.js';

/**
 * tests-weakened at `deny` (harness.ts). Each evasion stops a test, an assertion, a coverage
 * threshold or a test command from failing the build in a shape the gate missed before or an agent
 * could reach for; each near-miss is an ordinary change that must stay quiet.
 */

/** A one-hunk patch of a modified file: ` ` context, `-` removed, `+` added lines. */
const hunk = (lines: string[]): string => {
  const old = lines.filter((l) => !l.startsWith('+')).length;
  const now = lines.filter((l) => !l.startsWith('-')).length;
  return [`@@ -10,${old} +10,${now} @@`, ...lines].join('\n');
};
const modified = (name: string, path: string, lines: string[]): AdversarialCase => ({ name, category: 'tests-weakened', files: [file(path, hunk(lines))] });
const added = (name: string, path: string, lines: string[]): AdversarialCase => ({ name, category: 'tests-weakened', files: [file(path, addedPatch(lines), { status: 'added' })] });

export const EVASIONS: AdversarialCase[] = [
  // The shapes that passed a deny policy before.
  modified('assertions commented out', 'src/cart.test.ts', ["  it('totals', () => {", '-    expect(cart.total).toBe(10);', '+    // expect(cart.total).toBe(10);', '  });']),
  modified('pytestmark skips the whole module', 'tests/test_pay.py', [' import pytest', '+pytestmark = pytest.mark.skip(reason="flaky")', ' ']),
  modified('a coverage threshold lowered to 0', 'vitest.config.ts', ['      thresholds: {', '-        lines: 80,', '+        lines: 0,', '        branches: 80,']),
  modified('the test script made unable to fail', 'package.json', ['   "scripts": {', '-    "test": "vitest run",', '+    "test": "vitest run || true",', '     "lint": "eslint ."']),
  modified('test.concurrent.skip', 'src/api.test.ts', ["-test.concurrent('fetches', async () => {", "+test.concurrent.skip('fetches', async () => {"]),
  // More shapes.
  modified('it.skip.each', 'src/math.test.ts', ["-it.each(cases)('adds %s', (a, b) => {", "+it.skip.each(cases)('adds %s', (a, b) => {"]),
  modified('xdescribe', 'src/cart.spec.js', ["-describe('cart', () => {", "+xdescribe('cart', () => {"]),
  modified('vitest fails: a failing test reported as passing', 'src/math.test.ts', ["-test('rounds', () => {", "+test.fails('rounds', () => {"]),
  modified('a whole-module pytest.skip', 'tests/test_sync.py', [' import pytest', '+pytest.skip("later", allow_module_level=True)']),
  modified('a unittest.skip decorator on a class', 'tests/test_api.py', ['+@unittest.skip("broken")', ' class ApiTest(unittest.TestCase):']),
  modified('mocha this.skip()', 'test/api.js', ["  it('calls', function () {", '+    this.skip();', '     assert.ok(call());']),
  modified('JUnit @Disabled on a class', 'src/test/java/acme/PayTest.java', ['+@Disabled', ' class PayTest {']),
  modified('go t.Skip', 'pay/pay_test.go', [' func TestPay(t *testing.T) {', '+\tt.Skip()']),
  modified('a go build constraint that drops the test file', 'pay/pay_test.go', ['+//go:build ignore', ' package pay']),
  modified('rust #[ignore]', 'tests/pay.rs', [' #[test]', '+#[ignore]', ' fn pays() {']),
  modified('conftest collect_ignore', 'tests/conftest.py', ['+collect_ignore = ["test_pay.py"]']),
  modified('a Python assertion re-added behind #', 'tests/test_cart.py', [' def test_total():', '-    assert cart.total == 10', '+    # assert cart.total == 10']),
  modified('one assertion deleted', 'src/cart.test.ts', ["  it('totals', () => {", '     cart.add(item);', '-    expect(cart.total).toBe(10);', '  });']),
  modified('unchanged assertions wrapped in a block comment', 'src/cart.test.ts', ['+    /*', '     expect(cart.total).toBe(10);', '     expect(cart.items).toHaveLength(1);', '+    */']),
  modified('unchanged assertions made unreachable by a bare return', 'src/cart.test.ts', ['     cart.add(item);', '+    return;', '     expect(cart.total).toBe(10);', '  });']),
  modified('unchanged Python assertions wrapped in a string', 'tests/test_cart.py', ['+    """', '     assert cart.total == 10', '+    """']),
  modified('coverage.py fail_under lowered', '.coveragerc', [' [report]', '-fail_under = 90', '+fail_under = 0']),
  modified('--cov-fail-under lowered in CI', '.github/workflows/ci.yml', ['-      - run: pytest --cov=app --cov-fail-under=90', '+      - run: pytest --cov=app --cov-fail-under=50']),
  modified('codecov target lowered', 'codecov.yml', ['     project:', '       default:', '-        target: 80%', '+        target: 10%']),
  modified('codecov allowed drop raised', '.github/codecov.yml', ['       default:', '-        threshold: 1%', '+        threshold: 50%']),
  modified('codecov status made informational', 'codecov.yml', ['       default:', '+        informational: true', '         target: 80%']),
  modified('jest coverageThreshold removed', 'jest.config.js', ['   collectCoverage: true,', '-  coverageThreshold: {', '-    global: { lines: 90 },', '-  },', ' };']),
  modified('nyc check-coverage turned off', '.nycrc.json', ['-  "check-coverage": true,', '+  "check-coverage": false,', '   "lines": 90']),
  modified('continue-on-error on the test step', '.github/workflows/ci.yml', ['       - name: Test', '         run: npm test', '+        continue-on-error: true']),
  modified('the test script replaced by a no-op', 'package.json', ['-    "test": "vitest run",', '+    "test": "exit 0",']),
  modified('go test || exit 0 in a Makefile', 'Makefile', [' test:', '-\tgo test ./...', '+\tgo test ./... || exit 0']),
  modified('npm test; exit 0 in CI', '.github/workflows/ci.yml', ['-      - run: npm test', '+      - run: npm test; exit 0']),
  modified('--passWithNoTests', 'package.json', ['-    "test": "jest",', '+    "test": "jest --passWithNoTests",']),
  modified('pytest -k "not …" drops the failing test', 'tox.ini', [' commands =', '-    pytest', '+    pytest -k "not test_payment"']),
];

export const NEAR_MISSES: AdversarialCase[] = [
  added('.skip in prose', 'docs/testing.md', ['Use `describe.skip` and `pytestmark = pytest.mark.skip` sparingly; never `|| true`.']),
  modified('a threshold raised', 'vitest.config.ts', ['      thresholds: {', '-        lines: 80,', '+        lines: 90,']),
  modified('codecov allowed drop lowered (stricter)', 'codecov.yml', ['-        threshold: 5%', '+        threshold: 1%']),
  modified('|| true on a non-test command', 'scripts/clean.sh', ['+rm -rf dist || true', '+docker rm -f db || true']),
  modified('the shell test builtin with || true', 'scripts/setup.sh', ['+test -f .env || true']),
  added('skip as an identifier', 'src/pager.test.ts', ["it('pages', () => {", '  const skip = page * size;', '  expect(skip).toBe(20);', '});']),
  modified('a comment that says assert in prose', 'tests/test_cache.py', [' def test_warm():', '+    # assert that the cache is warm before reading', '     assert cache.warm']),
  modified('a doc comment that shows an assertion as an example', 'src/cart.test.ts', ['+  /** Totals, e.g. @example expect(total(cart)).toBe(10) */', "   it('totals', () => {"]),
  modified('an assertion changed, not removed', 'src/cart.test.ts', ['-    expect(cart.total).toBe(10);', '+    expect(cart.total).toBe(12);']),
  modified('an assertion moved', 'src/cart.test.ts', ['-    expect(cart.total).toBe(10);', '     cart.add(item);', '+    expect(cart.total).toBe(10);']),
  modified('continue-on-error on a lint step', '.github/workflows/ci.yml', ['       - name: Lint', '         run: npm run lint', '+        continue-on-error: true']),
  modified('a docstring added above assertions', 'tests/test_cart.py', [' def test_total():', '+    """', '+    Totals include tax.', '+    """', '     assert cart.total == 10']),
  modified('an early return in a guard', 'src/cart.test.ts', ['     if (!cart) {', '+      return;', '     }', '     expect(cart.total).toBe(10);']),
  modified('a test flag added to the test script', 'package.json', ['-    "test": "vitest run",', '+    "test": "vitest run --coverage",']),
  modified('a parametrize mark', 'tests/test_math.py', ['+@pytest.mark.parametrize("a", [1, 2])', ' def test_add(a):']),
  modified('fit() in application code', 'src/model.js', ['+export const result = model.fit(data);']),
];


/** The first 5 evasions: the examples that passed a deny policy before (run through the bundle too). */
export const REPORTED = EVASIONS.slice(0, 5);
