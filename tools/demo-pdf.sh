#!/usr/bin/env bash
# tox -e demo: the docs' PDF, with the LaTeX log's warnings counted (not sent to /dev/null).
set -u
latex=docs/_build/latex
if ! command -v latexmk >/dev/null; then
  echo "PDF:  skipped, TeX is not installed (Debian/Ubuntu: sudo apt-get install latexmk texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended tex-gyre; macOS: MacTeX)"
  exit 0
fi
if ! make -s -C "$latex" all-pdf LATEXMKOPTS="-silent -interaction=nonstopmode" >"$latex/make.log" 2>&1; then
  echo "PDF:  failed; see $latex/make.log and $latex/sphinx-newsarc.log"
  exit 1
fi
log="$latex/sphinx-newsarc.log"
undefined=$(grep -cE "(Reference|Hyper reference) .* undefined|has been referenced but does not exist" "$log")
warnings=$(grep -c "Warning" "$log")
overfull=$(grep -c "^Overfull" "$log")
echo "PDF:  $latex/sphinx-newsarc.pdf ($warnings LaTeX warnings, $undefined undefined references, $overfull overfull boxes; log: $log)"
