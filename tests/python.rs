//! The Python package (`python/`): `python/tests/run.sh` builds and installs
//! it with pip into a virtualenv under `target/tools`, then runs its pytest
//! suite, a Spark job in local mode included. Its output goes straight to the
//! terminal (not captured), so pytest's summary shows in the CI log.
//!
//! When Python, PyPI or Java cannot be had here, the script exits 77: the
//! test prints `SKIPPED` and passes, unless `SVERKA_REQUIRE_TOOLS=1` (CI).

use std::path::Path;
use std::process::Command;

#[test]
fn python_package_and_spark_recipe_pass_pytest() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/tests/run.sh");
    let status = Command::new("sh")
        .arg(&script)
        .arg("-rs")
        // The CLI pipe recipe in docs/batch.md runs this binary.
        .env("SVERKA_BIN", env!("CARGO_BIN_EXE_sverka"))
        .status()
        .expect("run sh python/tests/run.sh");
    if status.code() == Some(77) {
        let message = "python_package_and_spark_recipe_pass_pytest: no virtualenv with pytest and pyspark, or no java (see the lines above)";
        if std::env::var_os("SVERKA_REQUIRE_TOOLS").is_some_and(|v| v != "0") {
            panic!("{message}");
        }
        eprintln!("SKIPPED {message}");
        return;
    }
    assert!(
        status.success(),
        "python/tests/run.sh failed ({status}); pytest's report is above"
    );
}
