from triage.datasets.demo.generator import generate

__all__ = ["generate"]
