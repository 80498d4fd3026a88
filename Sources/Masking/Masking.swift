/// The Masking module: transforms (`Transform`), keys (`MaskingKey`), policies (`MaskingPolicy`)
/// and the rewriter that applies a policy to records (`RecordMasker`), for `piiscan mask`,
/// `piiscan unmask` and Swift ETL code alike. See README, "Masking".
enum MaskingModule {}
