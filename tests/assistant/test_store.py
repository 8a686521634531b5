"""The Chroma client as the assistant opens it."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# In a fresh process, where chromadb is not loaded yet: no signature is checked while chromadb loads, its methods
# keep their `@override` mark, and once the client is open `overrides` checks the classes built afterwards.
FIRST_CONNECT = textwrap.dedent("""
    import sys
    from pathlib import Path
    import overrides
    from assistant.settings import Settings
    from assistant.knowledge.store import connect

    checks = sys.modules["overrides.overrides"]
    validate, checked = checks._validate_method, []
    checks._validate_method = lambda method, *args: (checked.append(method), validate(method, *args))

    assert "chromadb" not in sys.modules
    client = connect(Settings(_env_file=None, data_dir=Path(sys.argv[1])))
    assert checked == [], checked[:3]
    client.get_or_create_collection("probe").add(ids=["a"], embeddings=[[0.1, 0.2]], documents=["x"])
    assert client.get_collection("probe").count() == 1
    from chromadb.api.rust import RustBindingsAPI
    assert RustBindingsAPI.heartbeat.__override__

    class Parent:
        def answer(self, question: str) -> str:
            return question

    try:
        class Child(Parent):
            @overrides.override
            def answer(self, question: int, extra: int) -> str:
                return ""
    except TypeError:
        print("checked", len(checked))
""")


def test_chroma_loads_without_the_override_checks_and_gives_them_back(tmp_path):
    done = subprocess.run([sys.executable, "-c", FIRST_CONNECT, str(tmp_path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "checked 1"
