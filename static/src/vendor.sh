#!/bin/sh
# Copy htmx and Alpine.js from node_modules into static/vendor with their licences.
# Run after `npm install`; the result is committed so the site needs no Node.
set -e
cd "$(dirname "$0")/../.."
cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/htmx.min.js
cp node_modules/htmx.org/LICENSE static/vendor/htmx/LICENSE
cp node_modules/alpinejs/dist/cdn.min.js static/vendor/alpinejs/alpine.min.js
node -e 'const p=require("./node_modules/alpinejs/package.json");console.log(p.name+" "+p.version+" — licence: "+p.license)' > static/vendor/alpinejs/VERSION
node -e 'const p=require("./node_modules/htmx.org/package.json");console.log(p.name+" "+p.version+" — licence: "+p.license)' > static/vendor/htmx/VERSION
