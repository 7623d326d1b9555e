#!/usr/bin/env bash
# tests/cli/layers.sh: the layout of src/ (docs/architecture.md): each
# folder is a layer with one public header named after it; a file
# includes only its own layer and the layers below it, and private
# headers (*_int.h) only from their own folder; the two front ends never
# include each other.
. "$(dirname "$0")/../lib.sh"

# the layers, from the bottom
order="lib model store rules intake engine report sample cli web"
rank() {
	local i=0 l
	for l in $order; do
		[ "$l" = "$1" ] && { echo $i; return; }
		i=$((i + 1))
	done
	echo -1
}

cd "$top/src" || exit 1
for d in */; do
	d=${d%/}
	if [ "$(rank "$d")" -lt 0 ]; then
		nok "layer $d" "not a layer of docs/architecture.md"
	elif [ ! -f "$d/$d.h" ]; then
		nok "layer $d" "no public header $d/$d.h"
	else
		ok "layer $d has its public header"
	fi
done

bad=0 n=0
while IFS= read -r f; do
	n=$((n + 1))
	from=${f%%/*}
	dir=${f%/*}
	rf=$(rank "$from")
	while IFS= read -r inc; do
		to=${inc%%/*}
		rt=$(rank "$to")
		why=""
		if [ "$inc" = "$to" ]; then
			why="includes \"$inc\", not by its layer's path"
		elif [ "$rt" -lt 0 ]; then
			why="includes \"$inc\", in no layer"
		elif [ "$rt" -gt "$rf" ]; then
			why="includes \"$inc\", a layer above it"
		elif [ "$from" != "$to" ] && { [ "$from" = cli ] || [ "$from" = web ]; } &&
		    { [ "$to" = cli ] || [ "$to" = web ]; }; then
			why="a front end includes the other"
		elif [ "${inc%_int.h}" != "$inc" ] && [ "${inc%/*}" != "$dir" ]; then
			why="includes \"$inc\", private to another folder"
		fi
		if [ -n "$why" ]; then
			nok "layers: $f" "$why"
			bad=$((bad + 1))
		fi
	done < <(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f")
done < <(find . -name '*.[ch]' | sed 's|^\./||' | sort)
[ "$n" -gt 50 ] || nok "layers" "only $n source files found"
[ "$bad" -eq 0 ] && ok "layers: $n files include only their layer and those below"
