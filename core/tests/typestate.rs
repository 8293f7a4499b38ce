//! The lifecycle is typestate: a step called on a meeting in the wrong state does not compile.
//! Each file in `typestate/` calls a step out of order and must fail to compile with the error
//! recorded beside it.

#[test]
fn out_of_order_steps_do_not_compile() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/typestate/*.rs");
}
