#!/usr/bin/env bash
# Builds optimised (-O2) tree-sitter grammar libraries for this machine from the grammars' npm packages, the same
# versions as the io.github.bonede artifacts the parent pom pins, into natives/target/lib/. The bonede natives are
# debug builds; its loader takes a library from the folder named by -Dtree-sitter-lib when one is there, and
# ./wsmemory passes that folder when it exists. Without it (no gcc, no network at build time) nothing changes: the
# bundled libraries are used. Needs gcc, npm (registry access, once) and a JDK's include/ folder.
#
#   natives/build.sh            # then ./wsmemory picks natives/target up
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(dirname "$here")"
out="${1:-$here/target}"
work="$out/work"
mkdir -p "$out/lib" "$work"

version() { # the version the parent pom pins for a bonede artifact
  sed -n "s:.*<$1.version>\(.*\)</$1.version>.*:\1:p" "$root/pom.xml" | head -1
}

javac_path="$(readlink -f "$(command -v javac || command -v java)")"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$javac_path")")}"
[[ -f "$jdk/include/jni.h" ]] || { echo "natives: no jni.h under $jdk/include; set JAVA_HOME to a JDK" >&2; exit 1; }

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) target=x86_64-linux-gnu; ext=so ;;
  Linux-aarch64) target=aarch64-linux-gnu; ext=so ;;
  *) echo "natives: $(uname -s)-$(uname -m) is not built by this script; the bundled libraries stay in use" >&2; exit 1 ;;
esac

# language  npm package            pom property             folder in the package  Java class
grammars=(
  "javascript tree-sitter-javascript tree-sitter-javascript .          Javascript"
  "typescript tree-sitter-typescript tree-sitter-typescript typescript Typescript"
  "tsx        tree-sitter-typescript tree-sitter-tsx        tsx        Tsx"
  "go         tree-sitter-go         tree-sitter-go         .          Go"
  "python     tree-sitter-python     tree-sitter-python     .          Python"
)

for g in "${grammars[@]}"; do
  read -r lang pkg prop folder cls <<<"$g"
  ver="$(version "$prop")"
  [[ -n "$ver" ]] || { echo "natives: no $prop.version in pom.xml" >&2; exit 1; }
  dir="$work/$pkg-$ver"
  if [[ ! -d "$dir/package" ]]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "$pkg@$ver" >/dev/null && tar -xzf ./*.tgz)
  fi
  src="$dir/package/$folder/src"
  shim="$work/shim-$lang.c"
  cat >"$shim" <<C
#include <jni.h>
void *tree_sitter_$lang(void);
/* the entry point org.treesitter.TreeSitter$cls calls: the grammar's TSLanguage pointer */
JNIEXPORT jlong JNICALL Java_org_treesitter_TreeSitter${cls}_tree_1sitter_1$lang(JNIEnv *env, jclass clz) {
  return (jlong) tree_sitter_$lang();
}
C
  sources=("$src/parser.c" "$shim")
  [[ -f "$src/scanner.c" ]] && sources+=("$src/scanner.c")
  lib="$out/lib/$target-tree-sitter-$lang.$ext"
  gcc -O2 -shared -fPIC -std=c11 -w -I "$src" -I "$jdk/include" -I "$jdk/include/linux" "${sources[@]}" -o "$lib.tmp"
  mv "$lib.tmp" "$lib"
  echo "natives: $lang $ver -> $lib" >&2
done
