// ClinicWorkflow
