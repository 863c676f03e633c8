"""Prefect flows and deployments: orchestration only; every stage lives in src/experiences."""
