// ClinicContent
