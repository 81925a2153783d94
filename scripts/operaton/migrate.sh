#!/usr/bin/env bash
# The same application on Operaton (the maintained fork of Camunda 7 CE), from the same sources: copies the
# project into target/operaton and renames what Operaton renamed. Repeatable: the copy is made anew each time.
#
#   bash scripts/operaton/migrate.sh && mvn -f target/operaton/pom.xml verify
#
# What is renamed (Operaton 1.0.3: packages org.operaton.*, properties operaton.bpm.*, webapps under /operaton,
# webjar META-INF/resources/webjars/operaton, the group operaton-admin, API names such as getOperatonFormRef,
# OperatonBpmProperties, Groups.OPERATON_ADMIN): every «camunda», «Camunda», «CAMUNDA» in the Java sources, the
# resources and the pom becomes «operaton», «Operaton», «OPERATON», file and folder names included. Kept:
# the BPMN/DMN extension namespace (http://camunda.org/schema/…, the «camunda:» attributes), which Operaton
# reads as its own (Bpmn/Dmn alternativeNamespace, BpmnParse's Namespace with the Camunda URI as alternative),
# so the models and forms are copied unchanged.
#
# What is not a rename (each listed in README «Engines»): the engine's version, the Tasklist label Operaton does
# not have, npm never run in the copy, the format check not run on the copy.
set -euo pipefail

OPERATON_VERSION=1.0.3
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/target/operaton"

rm -rf "$out"
mkdir -p "$out"
cd "$root"
cp -r pom.xml package.json package-lock.json .bpmnlintrc bpmn forms src "$out"/
# The dossier's CJK font and bpmnlint come from the original's node_modules (npm ci at the top level fetched them).
ln -s ../../node_modules "$out/node_modules"
cd "$out"

# Folders and files whose names say Camunda (the webjar's override folder, our classes named after Camunda's).
find src -depth -name '*[Cc]amunda*' | while read -r path; do
  dir="$(dirname "$path")"
  name="$(basename "$path")"
  mv "$path" "$dir/$(printf '%s' "$name" | sed -e 's/camunda/operaton/g' -e 's/Camunda/Operaton/g')"
done

# Operaton's Tasklist has no «migrate to Camunda 8» banner, so no label for it: our translation has every label
# Tasklist has (TasklistChineseTest), no more.
zh=src/main/resources/META-INF/resources/webjars/operaton/app/tasklist/locales/zh.json
grep -q '"BANNER_CE_EOL_TEXT"' "$zh"
sed -i '/"BANNER_CE_EOL_TEXT"/d' "$zh"

# The renames, in the text of every source file and of the pom (never in bpmn/ and forms/).
# The namespace URIs, the models' «camunda:» prefix and the copyright holder of Tasklist's config.js (whose
# licence header we keep) are set aside first and put back after.
rename='
  s{camunda\.org/schema}{\x{1}NS\x{1}}g;
  s{xmlns:camunda}{\x{1}XMLNS\x{1}}g;
  s{camunda:(?=[A-Za-z])}{\x{1}PREFIX\x{1}}g;
  s{Camunda (Services GmbH|licenses this file)}{\x{1}HOLDER\x{1} $1}g;
  s{camunda}{operaton}g; s{Camunda}{Operaton}g; s{CAMUNDA}{OPERATON}g;
  s{\x{1}NS\x{1}}{camunda.org/schema}g;
  s{\x{1}XMLNS\x{1}}{xmlns:camunda}g;
  s{\x{1}PREFIX\x{1}}{camunda:}g;
  s{\x{1}HOLDER\x{1}}{Camunda}g;
'
find src -type f \( -name '*.java' -o -name '*.yaml' -o -name '*.yml' -o -name '*.properties' -o -name '*.js' \
  -o -name '*.json' -o -name '*.css' -o -name '*.html' -o -name '*.sql' -o -path '*/META-INF/services/*' \) -print0 \
  | xargs -0 perl -CSD -pi -e "$rename"
perl -CSD -pi -e "$rename" pom.xml

# The engine's version: Operaton's own numbering.
grep -q '<operaton.version>7.24.0</operaton.version>' pom.xml
sed -i "s|<operaton.version>7.24.0</operaton.version>|<operaton.version>$OPERATON_VERSION</operaton.version>|" pom.xml
# Spin's JSON format (Tasklist submits checklists as Json variables): the registry here serves
# operaton-spin-dataformat-json-jackson at 1.0.0 only, and not its parent pom (operaton-spin-root 1.0.0), so
# Maven cannot resolve it as a dependency. Spin's sources are the same in 1.0.0 and 1.0.3 (only the version
# numbers differ), so its 1.0.0 jar, fetched by Maven, is put on the class path as a file, with the one library
# it needs that the application does not have already (json-path, version from Spring Boot).
spin_json=operaton-spin-dataformat-json-jackson-1.0.0.jar
# (maven-dependency-plugin 2.8 copies the artifact without reading its pom, which 3.x does and fails on; run
# outside the project so that its pom does not choose the plugin's version.)
neutral="$(mktemp -d)"
(cd "$neutral" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:2.8:copy \
  -Dartifact=org.operaton.spin:operaton-spin-dataformat-json-jackson:1.0.0 -DoutputDirectory="$out/lib")
rmdir "$neutral"
test -f "lib/$spin_json"
perl -0pi -e 's{(<artifactId>operaton-spin-dataformat-json-jackson</artifactId>)}{$1
      <version>1.0.0</version>
      <scope>system</scope>
      <systemPath>\$\{project.basedir\}/lib/'"$spin_json"'</systemPath>
    </dependency>
    <dependency>
      <groupId>com.jayway.jsonpath</groupId>
      <artifactId>json-path</artifactId>}' pom.xml
grep -q "<systemPath>.*$spin_json</systemPath>" pom.xml
# ... and into the runnable jar.
perl -0pi -e 's{(<artifactId>spring-boot-maven-plugin</artifactId>)}{$1
        <configuration>
          <includeSystemScope>true</includeSystemScope>
        </configuration>}' pom.xml
grep -q '<includeSystemScope>true</includeSystemScope>' pom.xml
# npm ci would empty the original's node_modules through the link: never run in the copy.
grep -q '<npm.skip>false</npm.skip>' pom.xml
sed -i 's|<npm.skip>false</npm.skip>|<npm.skip>true</npm.skip>|' pom.xml
# The renames change line lengths, so the copy is not held to the original's format (the original's build checks it).
perl -0pi -e 's{(<java.version>17</java.version>)}{$1
    <spotless.check.skip>true</spotless.check.skip>}' pom.xml
grep -q '<spotless.check.skip>true</spotless.check.skip>' pom.xml

# Nothing of Camunda's may be left but the models' namespace.
left="$(grep -rIn -i camunda pom.xml src | grep -v -e 'camunda\.org/schema' -e 'camunda:[A-Za-z]' -e 'xmlns:camunda' \
  -e 'Camunda Services GmbH' -e 'Camunda licenses this file' || true)"
if [ -n "$left" ]; then
  echo "migrate.sh: not renamed:" >&2
  echo "$left" >&2
  exit 1
fi
echo "Operaton $OPERATON_VERSION build in $out"
