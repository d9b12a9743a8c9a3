// ClinicExport
