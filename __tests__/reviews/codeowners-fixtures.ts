/**
 * Our own CODEOWNERS texts, each written in the style of a kind of file maintainers really use
 * (GitHub's documented example, an aligned-column file with `**` globs, a teams-only file with
 * anchored paths, a file with inline comments after owners, a file with commented-out entries).
 * Names and paths are made up.
 */

/** Every form GitHub documents, in the documented order. */
export const DOCS_STYLE = `# Comment lines start with a hash.
# Default owners for everything in the repo.
*       @acme/everyone @lead-dev

# The last matching pattern takes precedence.
*.js    @js-owner #An inline comment.

# Owners may be email addresses.
*.go go-team@example.com

*.txt @acme/writers

/build/logs/ @logkeeper

# Files directly in docs/, not deeper.
docs/*  docs@example.com

# Any apps directory anywhere.
apps/ @app-owner

/docs/ @docs-lead

/scripts/ @script-a @script-b

**/logs @log-owner

# /apps/ is owned except /apps/vendor, which has no owners.
/apps/ @app-owner
/apps/vendor
`;

/** Aligned columns, unanchored multi-segment paths, `**` globs and wildcards inside names. */
export const ALIGNED_STYLE = `# Core interpreter
.ci/                          @ops-lead
Tools/build/                  @ops-lead @builder
configure*                    @builder
Core/dict*                    @maps-owner @core-lead
Core/call.c                   @core-lead
**/*parser*                   @parser-owner
**/*import*                   @import-owner @loader-owner
Lib/test/test_parser/         @parser-owner
Lib/importer/                 @loader-owner

# Docs
Doc/library/json.rst          @json-owner
`;

/** Teams only, every path anchored, `/*` for one level and `/**\/*` for a tree. */
export const TEAMS_STYLE = `# Teams only, never individuals.

/.github/CODEOWNERS @acme/steering
/.github/ISSUE_TEMPLATE/* @acme/steering
/doc/contributing/**/* @acme/steering
/lib/stream.js @acme/streams
/lib/internal/streams/* @acme/streams
/src/net_* @acme/net @acme/core
/deps/cares @acme/net
`;

/** Owners followed by inline comments naming people who are not (yet) owners. */
export const INLINE_COMMENT_STYLE = `# Core
/core/src/executors/ @amy @ben @cho
/core/src/jobs/ @ben

# Translations (non-committers named in comments keep the file valid)
core/ui/locales/de/ @dana # + @eli @fay
core/ui/locales/fr/ @gus #+@hal
/docs/*.py @ivy
`;

/** A default owner, then long anchored directories and commented-out entries. */
export const COMMENTED_OUT_STYLE = `# The last match wins.
* @acme/core

# Backend                                  # Maintainer
/internal/backend/remote-state/azure       @acme/core @acme/azure
#/internal/backend/remote-state/consul     Unmaintained
/internal/backend/remote-state/gcs         @acme/core @acme/gcp
#/internal/backend/remote-state/oss        @someone
builtin/provisioners/file                  @acme/core
`;
