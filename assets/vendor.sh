#!/bin/sh
# Copy htmx and Alpine.js from node_modules into static/vendor with their licences.
# Run after `npm install`; the result is committed so the site needs no Node.
set -e
cd "$(dirname "$0")/.."
cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/htmx.min.js
cp node_modules/htmx.org/LICENSE static/vendor/htmx/LICENSE
# Alpine's CSP build: no eval/new Function, so the site's CSP needs no 'unsafe-eval'.
# Components are registered with Alpine.data() in static/js/ (x-data="name").
# The npm packages ship no licence file: static/vendor/alpinejs/LICENSE (MIT) is kept as committed.
cp node_modules/@alpinejs/csp/dist/cdn.min.js static/vendor/alpinejs/alpine.min.js
node -e 'const p=require("./node_modules/@alpinejs/csp/package.json");console.log(p.name+" "+p.version+" — licence: "+p.license)' > static/vendor/alpinejs/VERSION
node -e 'const p=require("./node_modules/htmx.org/package.json");console.log(p.name+" "+p.version+" — licence: "+p.license)' > static/vendor/htmx/VERSION
